import {useEffect, useState} from 'react';

/**
 * Wall-clock time that ticks once a second, only while `running`: a finished
 * execution's screen never changes on its own (nothing is written to the terminal).
 */
export function useClock(running: boolean, now: () => number = Date.now): number {
	const [time, setTime] = useState(now);
	useEffect(() => {
		if (!running) {
			return;
		}

		setTime(now());
		const timer = setInterval(() => {
			setTime(now());
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [running, now]);
	return Math.floor(time / 1000) * 1000;
}
