import {render} from 'ink-testing-library';
import {vi} from 'vitest';
import {colorTheme, plainTheme} from '../../source/model/text/theme.js';
import {App} from '../../source/ui/app.js';
import type {Route} from '../../source/ui/routes.js';
import type {SfnSession} from '../../source/sync/types.js';

export const keys = {up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', enter: '\r', escape: '\u001B', tab: '\t', backspace: '\u007F'};

export function renderApp(session: SfnSession, initial: Route[], options: {columns?: number; rows?: number; color?: boolean; clipboard?: (text: string) => void} = {}) {
	const quit = vi.fn();
	const app = render(<App session={session} theme={options.color ? colorTheme : plainTheme} ascii={false} initial={initial} onQuit={() => {
		quit();
	}} size={{columns: options.columns ?? 120, rows: options.rows ?? 32}} now={() => Date.UTC(2026, 0, 1, 12, 0, 0)} {...(options.clipboard && {clipboard: options.clipboard})}/>);
	const frame = () => app.lastFrame() ?? '';
	const waitForFrame = async (predicate: (text: string) => boolean, what = 'the expected screen') => vi.waitFor(() => {
		if (!predicate(frame())) {
			throw new Error(`never saw ${what}; last frame:\n${frame()}`);
		}
	}, {timeout: 3000, interval: 10});
	// Ink reads stdin asynchronously; a write right after render can be lost, so type after a frame exists.
	const press = async (...sequence: string[]) => {
		for (const key of sequence) {
			app.stdin.write(key);

			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}
	};

	return {app, frame, waitForFrame, press, quit};
}
