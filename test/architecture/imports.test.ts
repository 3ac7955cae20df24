// Docs/ARCHITECTURE.md states which room may import what; this test holds the
// code to it, so the document and the imports cannot drift apart.
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {repoRoot} from '../helpers/run-cli.js';

type Rule = {room: string; rooms: string[]; packages: string[]};

const sourceRoot = path.join(repoRoot, 'source');

/** The rules table between the import-rules markers: backticked names per column. */
function readRules(): Rule[] {
	const text = readFileSync(path.join(repoRoot, 'docs', 'ARCHITECTURE.md'), 'utf8');
	const table = /<!-- import-rules:start -->([\s\S]*?)<!-- import-rules:end -->/.exec(text)?.[1];
	if (!table) {
		throw new Error('docs/ARCHITECTURE.md has no import-rules table');
	}

	const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map(match => match[1]);
	return table.split('\n')
		.filter(line => line.startsWith('| `'))
		.map(line => line.split('|').map(cell => cell.trim()))
		.map(cells => ({room: names(cells[1])[0], rooms: names(cells[3]), packages: names(cells[4])}));
}

function sourceFiles(directory: string): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(directory, entry.name);
		return entry.isDirectory() ? sourceFiles(full) : (/\.tsx?$/.test(entry.name) ? [full] : []);
	});
}

/** Every module a file imports: static imports and re-exports, side-effect imports, import(). */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const pattern = /\bfrom '([^']+)'|^import '([^']+)'|\bimport\('([^']+)'\)/gm;
	return [...text.matchAll(pattern)].map(match => match[1] ?? match[2] ?? match[3]);
}

const within = (file: string, prefix: string) => file === prefix || file.startsWith(`${prefix}/`) || file.replace(/\.js$/, '.ts') === prefix || file.replace(/\.js$/, '.tsx') === prefix;

const rules = readRules();

/** The room of a path under source/: the longest rule whose room contains it. */
function roomOf(relative: string): Rule | undefined {
	return rules.filter(rule => within(relative, rule.room)).toSorted((a, b) => b.room.length - a.room.length)[0];
}

const packageAllowed = (name: string, allowed: string[]) => allowed.some(pattern => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern || name.startsWith(`${pattern}/`)));

describe('docs/ARCHITECTURE.md import rules', () => {
	test('the table names rooms that exist', () => {
		expect(rules.length).toBeGreaterThan(5);
		for (const rule of rules) {
			expect(sourceFiles(sourceRoot).some(file => within(path.relative(sourceRoot, file), rule.room)), `room ${rule.room}`).toBe(true);
		}
	});

	test('every import in source/ goes where its room may go', () => {
		const violations: string[] = [];
		for (const file of sourceFiles(sourceRoot)) {
			const relative = path.relative(sourceRoot, file);
			const rule = roomOf(relative);
			if (!rule) {
				violations.push(`${relative}: in no room of the table`);
				continue;
			}

			for (const specifier of importsOf(file)) {
				if (specifier.startsWith('.')) {
					const target = path.relative(sourceRoot, path.resolve(path.dirname(file), specifier));
					if (target.startsWith('..')) {
						violations.push(`${relative} imports ${specifier}, outside source/`);
					} else if (roomOf(target)?.room !== rule.room && rule.rooms.every(room => !within(target, room))) {
						violations.push(`${relative} (${rule.room}) imports ${target}`);
					}
				} else if (!packageAllowed(specifier, rule.packages)) {
					violations.push(`${relative} (${rule.room}) imports package ${specifier}`);
				}
			}
		}

		expect(violations).toEqual([]);
	});
});
