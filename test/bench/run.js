// Runs every test/bench/*.bench.js and prints each figure beside a baseline
// measured in the same run. `npm run bench -- --json` prints the same rows as
// JSON: [{name, value, unit, baseline, target, met}].
import {readdirSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath, pathToFileURL} from 'node:url';

const directory = path.dirname(fileURLToPath(import.meta.url));
const json = process.argv.includes('--json');
const only = process.argv.slice(2).filter(argument => !argument.startsWith('--'));
const files = readdirSync(directory).filter(file => file.endsWith('.bench.js') && (only.length === 0 || only.some(word => file.includes(word)))).toSorted((a, b) => a.localeCompare(b));

const rows = [];
for (const file of files) {
	const module = await import(pathToFileURL(path.join(directory, file)).href);
	if (!json) {
		process.stderr.write(`running ${file}...\n`);
	}

	rows.push(...await module.default());
}

if (json) {
	process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
	const format = value => (value === null || value === undefined ? '-' : (typeof value === 'number' ? String(Number(value.toPrecision(4))) : String(value)));
	const table = [['benchmark', 'value', 'baseline (same run)', 'target', 'met'], ...rows.map(row => [row.name, `${format(row.value)} ${row.unit}`, row.baseline === null ? '-' : `${format(row.baseline)} ${row.unit}`, row.target ?? '-', row.met === null ? '-' : (row.met ? 'yes' : 'NO')])];
	const widths = table[0].map((_, column) => Math.max(...table.map(row => String(row[column]).length)));
	for (const [index, row] of table.entries()) {
		process.stdout.write(`${row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ')}\n`);
		if (index === 0) {
			process.stdout.write(`${widths.map(width => '-'.repeat(width)).join('  ')}\n`);
		}
	}
}
