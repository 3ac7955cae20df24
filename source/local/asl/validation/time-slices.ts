import {setImmediate as nextTurn} from 'node:timers/promises';

/**
 * Cooperative slicing: long work calls breathe() between units and gives the
 * event loop a turn once a slice has run `sliceMs`, so validating a large
 * definition never stalls the endpoint's other requests.
 */
export class TimeSlices {
	private sliceStart = performance.now();

	constructor(private readonly sliceMs = 8) {}

	async breathe(): Promise<void> {
		if (performance.now() - this.sliceStart > this.sliceMs) {
			await nextTurn();
			this.sliceStart = performance.now();
		}
	}
}
