// Scripted dashboard actions shared by `npm run media` and the dashboard bench.
import {keys} from './terminal.ts';

/**
 * Presses `s`, types the JSON input, confirms, and waits until the new execution is on screen (and `ready` holds).
 * @param terminal
 * @param input
 * @param ready
 */
export async function startExecution(terminal, input, ready = () => true) {
	terminal.type('s');
	await terminal.waitForScreen(screen => screen.includes('input JSON'), 5000, 'the start prompt');
	terminal.type(input);
	await terminal.waitForScreen(screen => screen.includes(input.slice(-10)), 5000, 'the typed input');
	terminal.type(keys.enter);
	await terminal.waitForScreen(screen => !screen.includes('input JSON') && ready(screen), 10_000, 'the new execution');
}
