import process from 'node:process';
import type {Buffer} from 'node:buffer';
import {spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CreateStateMachineCommand, ListStateMachinesCommand, SFNClient} from '@aws-sdk/client-sfn';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {frameRecord} from '../../source/local/journal/frame.js';
import {credentials} from '../helpers/local-endpoint.js';
import {cliPath, runCli} from '../helpers/run-cli.js';
import {serveProcess} from '../helpers/serve-process.js';

const definition = JSON.stringify({StartAt: 'Done', States: {Done: {Type: 'Succeed'}}});
const roleArn = 'arn:aws:iam::123456789012:role/StepFunctionsExecutionRole';

let dataDir: string;
let journal: string;
const running: ChildProcess[] = [];

beforeEach(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'sfntop-journal-'));
	journal = path.join(dataDir, 'journal.jsonl');
});

afterEach(async () => {
	for (const child of running.splice(0)) {
		child.kill('SIGKILL');
	}

	await rm(dataDir, {recursive: true, force: true});
});

async function serve(...extra: string[]) {
	const started = await serveProcess(['--port', '0', '--data-dir', dataDir, ...extra]);
	running.push(started.child);
	let said = '';
	started.child.stderr!.setEncoding('utf8');
	started.child.stderr!.on('data', (chunk: string) => {
		said += chunk;
	});
	const sfn = new SFNClient({endpoint: started.url, region: 'us-east-1', credentials, maxAttempts: 1});
	return {
		...started,
		/** What serve wrote to stderr so far. */
		stderr: () => said,
		async create(...names: string[]) {
			for (const name of names) {
				await sfn.send(new CreateStateMachineCommand({name, definition, roleArn}));
			}
		},
		async names() {
			const {stateMachines} = await sfn.send(new ListStateMachinesCommand({}));
			return stateMachines!.map(machine => machine.name);
		},
		async kill9() {
			const exited = new Promise(resolve => {
				started.child.once('exit', resolve);
			});
			started.child.kill('SIGKILL');
			await exited;
		},
	};
}

const lines = () => readFileSync(journal, 'utf8').split('\n').filter(Boolean);
/** The journal line (1-based) holding the machine named `name`. */
const lineOf = (name: string) => lines().findIndex(line => line.includes(`"name":"${name}"`)) + 1;

describe('the --data-dir journal', () => {
	// Issue 12 item 1, exactly: before, MC was appended onto MB's torn half-line and lost on the next load.
	test('a torn tail is cut off before anything is appended, so later records survive the next crash', async () => {
		const first = await serve();
		await first.create('MA', 'MB');
		await first.kill9();
		truncateSync(journal, statSync(journal).size - 20);

		const second = await serve();
		expect(await second.names()).toEqual(['MA']);
		await second.create('MC', 'MD');
		await second.kill9();

		const third = await serve();
		expect(await third.names()).toEqual(['MA', 'MC', 'MD']);
	}, 60_000);

	test('a flipped byte inside a record stops serve with one line naming the file and line, exit 2; --repair keeps the good records', async () => {
		const first = await serve();
		await first.create('MA', 'MB', 'MC');
		await first.kill9();
		const damaged = lineOf('MB');
		const text = readFileSync(journal, 'utf8');
		writeFileSync(journal, text.replace('"name":"MB"', '"name":"MX"'));

		const refused = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toBe(`sfntop: ${journal} line ${damaged}: checksum mismatch; the journal is damaged. Start with --repair to keep the good records and move the damaged ones aside\n`);

		const repaired = await serve('--repair');
		expect(await repaired.names()).toEqual(['MA', 'MC']);
		const sideFiles = readdirSync(dataDir).filter(name => name.startsWith('journal.damaged-'));
		expect(sideFiles).toHaveLength(1);
		const side = path.join(dataDir, sideFiles[0]);
		expect(repaired.stderr()).toBe(`sfntop serve: --repair kept 2 good records of ${journal} and moved 1 damaged record to ${side}\n`);
		expect(readFileSync(side, 'utf8')).toContain('"name":"MX"');
		expect(statSync(side).mode & 0o777).toBe(0o600);
		await repaired.kill9();

		// Repaired for good: a plain start now works and keeps what --repair kept.
		const after = await serve();
		expect(await after.names()).toEqual(['MA', 'MC']);
	}, 60_000);

	// Issue 12 / board: the last complete record was acknowledged (fsync'd before the reply), so a flipped byte in it
	// is damage to report, never a torn write to cut quietly: only a last line with no newline is a write cut short.
	test('a flipped byte in the last complete record is refused like any damage, not cut off as torn', async () => {
		const first = await serve();
		await first.create('MA', 'MB');
		await first.kill9();
		const all = lines();
		expect(all.at(-1)).toContain('"name":"MB"');
		writeFileSync(journal, `${[...all.slice(0, -1), all.at(-1)!.replace('"name":"MB"', '"name":"MZ"')].join('\n')}\n`);

		const refused = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toBe(`sfntop: ${journal} line ${all.length}: checksum mismatch; the journal is damaged. Start with --repair to keep the good records and move the damaged ones aside\n`);
		const repaired = await serve('--repair');
		expect(await repaired.names()).toEqual(['MA']);
		expect(repaired.stderr()).toContain('moved 1 damaged record to');
	}, 60_000);

	test('a well-formed line of the wrong shape is a bad record, not a crash', async () => {
		const first = await serve();
		await first.create('MA', 'MB');
		await first.kill9();
		const all = lines();
		const at = lineOf('MA');
		writeFileSync(journal, [...all.slice(0, at), '{"t":"machine"}', ...all.slice(at)].join('\n') + '\n');
		const unframed = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
		expect(unframed.code).toBe(2);
		expect(unframed.stderr).toMatch(new RegExp(`^sfntop: ${journal} line ${at + 1}: not a journal record .*\\n$`));

		// Checksummed and in sequence, but still not a machine.
		all[at - 1] = frameRecord(at, '{"t":"machine"}').toString('utf8').trimEnd();
		writeFileSync(journal, all.join('\n') + '\n');
		const framed = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
		expect(framed.code).toBe(2);
		expect(framed.stderr).toBe(`sfntop: ${journal} line ${at}: machine.machine is missing; the journal is damaged. Start with --repair to keep the good records and move the damaged ones aside\n`);
	}, 60_000);

	test('a record that went missing from the middle is found by its sequence number', async () => {
		const first = await serve();
		await first.create('MA', 'MB', 'MC');
		await first.kill9();
		const all = lines();
		const gone = lineOf('MB');
		writeFileSync(journal, [...all.slice(0, gone - 1), ...all.slice(gone)].join('\n') + '\n');
		const result = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(new RegExp(`^sfntop: ${journal} line ${gone}: record ${gone + 1} follows record ${gone - 1}`));
	}, 60_000);

	test('the journal is 0600 in a 0700 folder, also when it was created looser', async () => {
		const dir = path.join(dataDir, 'fresh');
		const started = await serveProcess(['--port', '0', '--data-dir', dir]);
		running.push(started.child);
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		expect(statSync(path.join(dir, 'journal.jsonl')).mode & 0o777).toBe(0o600);
		started.child.kill('SIGKILL');

		chmodSync(path.join(dir, 'journal.jsonl'), 0o644);
		const again = await serveProcess(['--port', '0', '--data-dir', dir]);
		running.push(again.child);
		expect(statSync(path.join(dir, 'journal.jsonl')).mode & 0o777).toBe(0o600);
	}, 60_000);

	test('one serve per data dir: a second one is refused while the first runs; a kill -9 leaves no lock behind that matters', async () => {
		const first = await serve();
		const second = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
		expect(second).toMatchObject({code: 2, stderr: `sfntop: --data-dir ${dataDir} is in use by another sfntop serve (pid ${first.child.pid}); stop it first, or pick another --data-dir\n`});
		await first.create('MA');
		await first.kill9();
		const third = await serve();
		expect(await third.names()).toEqual(['MA']);
	}, 60_000);

	// Board qa line 69: the lock trusted any live pid.
	test('a kill -9\'d serve that is a zombie (its parent never reaps it) does not hold the folder', async () => {
		const shell = spawn('sh', ['-c', `"${process.execPath}" "${cliPath}" serve --port 0 --data-dir "${dataDir}" & exec sleep 30`], {env: {...process.env, CI: ''}, stdio: ['ignore', 'pipe', 'inherit']});
		running.push(shell);
		await new Promise<void>(resolve => {
			shell.stdout.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('listening')) {
					resolve();
				}
			});
		});
		const servePid = Math.trunc(Number(readFileSync(path.join(dataDir, 'journal.lock'), 'utf8').split(' ', 1)[0]));
		process.kill(servePid, 'SIGKILL');
		while (!/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${servePid}/stat`, 'utf8'))) {
			await new Promise(resolve => {
				setTimeout(resolve, 20);
			});
		}

		const again = await serve();
		await again.create('MA');
		expect(await again.names()).toEqual(['MA']);
	}, 60_000);

	test('a lock naming a live pid that is not a serve (a pid reused after a reboot) does not hold the folder', async () => {
		const sleeper = spawn('sleep', ['30']);
		running.push(sleeper);
		writeFileSync(path.join(dataDir, 'journal.lock'), `${sleeper.pid}\n`);
		const started = await serve();
		expect(await started.names()).toEqual([]);
	}, 60_000);

	test('--data-dir \'\' is refused in one line; --data-dir naming a link to a folder works', async () => {
		const empty = await runCli(['serve', '--port', '0', '--data-dir', '']);
		expect(empty).toMatchObject({code: 2, stdout: ''});
		expect(empty.stderr).toMatch(/^sfntop: --data-dir needs a folder[^\n]*\n$/);

		const link = path.join(dataDir, 'link');
		const target = path.join(dataDir, 'target');
		mkdirSync(target);
		symlinkSync(target, link);
		const first = await serveProcess(['--port', '0', '--data-dir', link]);
		running.push(first.child);
		expect(readdirSync(target)).toContain('journal.lock');
	}, 60_000);

	test('--data-dir naming a file, or a journal that is a folder, is one line and exit 2', async () => {
		const file = path.join(dataDir, 'a-file');
		writeFileSync(file, 'x');
		const onFile = await runCli(['serve', '--port', '0', '--data-dir', file]);
		expect(onFile).toMatchObject({code: 2, stderr: `sfntop: --data-dir ${file} is a file; give a folder (serve creates it if it does not exist)\n`});

		mkdirSync(journal);
		const onFolder = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
		expect(onFolder).toMatchObject({code: 2, stderr: `sfntop: ${journal} is a folder, not a journal; move it away or pick another --data-dir\n`});
	});
});
