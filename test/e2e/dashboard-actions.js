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

/**
 * Goes back to the machines list, filters it by `name` and opens that machine's executions.
 * @param terminal
 * @param name
 */
export async function openMachine(terminal, name) {
	for (let presses = 0; presses < 4 && !terminal.screen().includes('State machines'); presses++) {
		terminal.type(keys.escape);
		await terminal.waitForQuiet(150, 2000);
	}

	await terminal.waitForScreen(screen => screen.includes('State machines'), 5000, 'the machines list');
	terminal.type('/');
	await terminal.waitForScreen(screen => screen.includes('enter keep, esc clear'), 5000, 'the filter field');
	terminal.type(name);
	await terminal.waitForScreen(screen => screen.includes(`/${name}`), 5000, 'the filter');
	terminal.type(keys.enter);
	await terminal.waitForScreen(screen => !screen.includes('enter keep, esc clear'), 5000, 'the filter kept');
	terminal.type(keys.enter);
	await terminal.waitForScreen(screen => screen.includes(`${name} / executions`), 10_000, `the executions of ${name}`);
}
