import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {buildMachineGraph} from '../../source/model/graph/asl-graph.js';
import {layoutGraph} from '../../source/model/graph/graph-layout.js';
import {renderGraph} from '../../source/model/graph/graph-render.js';
import {lineToPlain} from '../../source/model/text/theme.js';
import {repoRoot} from '../helpers/run-cli.js';

const order = buildMachineGraph(JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'order-processing.json'), 'utf8')) as Record<string, unknown>);

describe('renderGraph', () => {
	test('decorations change colours and markers but never the geometry', () => {
		const layout = layoutGraph(order, {maxWidth: 80, ascii: false});
		const plain = renderGraph(layout).map(line => lineToPlain(line));
		const decorated = renderGraph(layout, name => (name === 'ChargeCustomer' ? {role: 'status.FAILED', marker: '✗', emphasis: 'active'} : {role: 'status.SUCCEEDED', marker: '✓'}));
		expect(decorated).toHaveLength(plain.length);
		const text = decorated.map(line => lineToPlain(line));
		expect(text.join('\n')).toContain('✗ ChargeCustomer');
		expect(text.join('\n')).toContain('✓ ValidateOrder');
		for (const [index, line] of text.entries()) {
			expect(line.replaceAll(/[✓✗]/g, ' ')).toBe(plain[index]);
		}

		const failedRow = decorated.find(line => line.some(segment => segment.text.includes('ChargeCustomer')))!;
		expect(failedRow.some(segment => segment.role === 'active')).toBe(true);
	});

	test('a badge is written into the box border', () => {
		const layout = layoutGraph(order, {maxWidth: 80, ascii: false});
		const text = renderGraph(layout, name => (name === 'ReserveInventory' ? {badge: '7/10'} : undefined)).map(line => lineToPlain(line)).join('\n');
		expect(text).toMatch(/╰─ 7\/10 ─+╯/);
	});

	test('the selected state gets a heavy frame, visible without colour', () => {
		const layout = layoutGraph(order, {maxWidth: 80, ascii: false});
		const text = renderGraph(layout, name => (name === 'ShipOrder' ? {emphasis: 'selected'} : undefined)).map(line => lineToPlain(line)).join('\n');
		expect(text).toMatch(/┏━+┓\n\s*┃ {3}ShipOrder ┃/);
	});

	test('every state has a box position for moving the selection', () => {
		const layout = layoutGraph(order, {maxWidth: 80, ascii: false});
		const ys = ['ValidateOrder', 'ReserveInventory', 'ChargeCustomer', 'ShipOrder'].map(name => layout.nodes.get(name)!.y);
		expect(ys.toSorted((a, b) => a - b)).toEqual(ys);
		expect(new Set(ys).size).toBe(4);
	});

	test('a narrow width falls back to the compact view with every state', () => {
		const layout = layoutGraph(order, {maxWidth: 18, ascii: false});
		expect(layout.mode).toBe('compact');
		expect(layout.nodes.size).toBe(4);
		for (const line of renderGraph(layout)) {
			expect(lineToPlain(line).length).toBeLessThanOrEqual(18);
		}
	});
});
