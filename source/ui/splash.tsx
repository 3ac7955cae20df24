import {Text, useInput} from 'ink';
import {sanitize} from '../model/text/sanitize.js';

/** The first frame, drawn at once while the endpoint and the session come up. */
export function Splash({message, onQuit}: {message: string; onQuit: () => void}) {
	useInput((input, key) => {
		if (input === 'q' || (key.ctrl && input === 'c')) {
			onQuit();
		}
	});
	return (
		<Text>
			<Text bold>sfntop</Text>
			<Text dimColor>{`  ${sanitize(message)}   (q quits)`}</Text>
		</Text>
	);
}
