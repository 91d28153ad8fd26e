// Runs npm scripts side by side (`node scripts/run-parallel.js a b`), each line of output
// prefixed with its script's name; exits non-zero if any of them fails. Used by `npm test` to
// keep CI under 15 minutes on two cores, for steps that touch different files and each leave a
// core idle part of the time (lint beside the build and type check; the two integration processes
// beside the unit tests and the byte gate). Steps that write `.svelte-kit` (the build, every
// Vitest start) never run beside one that reads it (the type check).
// A script that fails has its last lines printed again once all have ended: a CI log is often
// read from its tail, and there the failure would otherwise be buried under the others' output.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (!scripts.length) {
	console.error('Uso: node scripts/run-parallel.js <script npm> [<script npm> …]');
	process.exit(2);
}

/** Lines of a failed script's output repeated at the end. */
const TAIL_LINES = 80;

/** @param {string} name @returns {Promise<{ name: string, code: number, tail: string[] }>} */
function run(name) {
	return new Promise((resolve) => {
		/** @type {string[]} */
		const tail = [];
		/** @param {string} line */
		const remember = (line) => {
			tail.push(line);
			if (tail.length > TAIL_LINES) tail.shift();
		};
		const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
		/** @type {Array<() => void>} */
		const flushes = [];
		/** @param {NodeJS.WritableStream} out */
		const prefix = (out) => {
			let pending = '';
			flushes.push(() => {
				if (!pending) return;
				remember(pending);
				out.write(`[${name}] ${pending}\n`);
			});
			return (/** @type {Buffer} */ chunk) => {
				const lines = (pending + chunk.toString()).split('\n');
				pending = lines.pop() ?? '';
				for (const line of lines) {
					remember(line);
					out.write(`[${name}] ${line}\n`);
				}
			};
		};
		child.stdout.on('data', prefix(process.stdout));
		child.stderr.on('data', prefix(process.stderr));
		child.on('close', (code) => {
			for (const flush of flushes) flush();
			console.log(`[${name}] ${code === 0 ? 'terminó bien' : `falló (código ${code})`}`);
			resolve({ name, code: code ?? 1, tail });
		});
	});
}

const results = await Promise.all(scripts.map(run));
const failed = results.filter((r) => r.code !== 0);
for (const { name, code, tail } of failed) {
	console.log(`\n[${name}] falló (código ${code}); sus últimas ${tail.length} líneas:`);
	for (const line of tail) console.log(`[${name}] ${line}`);
}
process.exit(failed.length ? 1 : 0);
