import {setImmediate as nextTurn} from 'node:timers/promises';

/*
 * Executions share serve's one event loop with every HTTP request. States
 * that need no I/O (Pass, Choice, a loop of them) resolve in microtasks and
 * would never let a request in; so every step of every execution calls
 * fairTurn(), which gives the loop a turn once ~8 ms of work have passed in
 * the current turn (far below the ~50 ms a request may wait).
 */
const budgetMs = 8;
let turnStarted = 0;
let watching = false;
const turned = () => {
	watching = false;
};

export async function fairTurn(): Promise<void> {
	for (;;) {
		if (!watching) {
			// The first step in this turn of the loop: start the clock, reset it when the loop turns.
			watching = true;
			turnStarted = performance.now();
			setImmediate(turned);
			return;
		}

		if (performance.now() - turnStarted < budgetMs) {
			return;
		}

		// Many steps may wait here at once (a map run starting its children): each checks again after the turn.
		await nextTurn();
	}
}
