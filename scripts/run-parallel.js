// Runs npm scripts side by side (`node scripts/run-parallel.js a b`), each line of output
// prefixed with its script's name; exits non-zero if any of them fails. Used by `npm test` to
// keep CI under 15 minutes on two cores, for steps that touch different files and each leave a
// core idle part of the time (lint beside the build, two integration processes, the type check
// and unit tests beside the one-worker fault suite: 138 s one after the other, 115 s side by side).
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (!scripts.length) {
	console.error('Uso: node scripts/run-parallel.js <script npm> [<script npm> …]');
	process.exit(2);
}

/** @param {string} name @returns {Promise<number>} */
function run(name) {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
		/** @type {Array<() => void>} */
		const flushes = [];
		/** @param {NodeJS.WritableStream} out */
		const prefix = (out) => {
			let pending = '';
			flushes.push(() => pending && out.write(`[${name}] ${pending}\n`));
			return (/** @type {Buffer} */ chunk) => {
				const lines = (pending + chunk.toString()).split('\n');
				pending = lines.pop() ?? '';
				for (const line of lines) out.write(`[${name}] ${line}\n`);
			};
		};
		child.stdout.on('data', prefix(process.stdout));
		child.stderr.on('data', prefix(process.stderr));
		child.on('close', (code) => {
			for (const flush of flushes) flush();
			console.log(`[${name}] ${code === 0 ? 'terminó bien' : `falló (código ${code})`}`);
			resolve(code ?? 1);
		});
	});
}

const codes = await Promise.all(scripts.map(run));
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
