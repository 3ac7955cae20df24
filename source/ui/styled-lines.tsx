import {memo} from 'react';
import {Text} from 'ink';
import type {Theme} from '../model/text/theme.js';
import type {StyledLine} from '../model/types.js';
import {textProps} from './ink-theme.js';

/** One terminal row. Memoised by line identity: an unchanged row is not rebuilt. */
const Row = memo(({line, theme}: {line: StyledLine; theme: Theme}) => (
	<Text wrap='truncate'>
		{line.length === 0
			? ' '
			: line.map((segment, index) => (
				<Text key={index} {...textProps(segment.role, theme)}>{segment.text}</Text>
			))}
	</Text>
));

/** Draws pre-fitted lines, one <Text> per row. */
export function StyledLines({lines, theme}: {lines: readonly StyledLine[]; theme: Theme}) {
	return (
		<>
			{lines.map((line, index) => (
				<Row key={index} line={line} theme={theme}/>
			))}
		</>
	);
}
