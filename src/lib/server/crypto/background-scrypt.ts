/**
 * scrypt in threads of their own at a low CPU priority, for hashes nobody watches run (see
 * `scrypt-hash.ts`). Linux keeps a nice value per thread, so such a thread takes the cores only
 * when the server's other work leaves them free, and under a burst the pages and the content
 * pull of hundreds of phones are answered first (bench server-load). Where the system gives no
 * per-thread priority (no `/proc/thread-self`), the thread runs at the normal one.
 */
import { Worker } from 'node:worker_threads';
import type { ScryptOptions } from 'node:crypto';

/**
 * How far the thread's nice value is above the process's: 10 gives it about a tenth of a busy
 * core (CFS weights 110 against 1024), so a steady load slows hashes down without stopping them;
 * idle cores run it at full speed.
 */
const NICENESS = 10;

/** The thread's code: CommonJS, evaluated by `Worker` (the server bundle has no file for it). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try {
	const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
	const os = require('node:os');
	os.setPriority(tid, Math.min(19, os.getPriority() + workerData.niceness));
} catch {
	// No per-thread priority here: the normal one.
}
parentPort.on('message', ({ secret, salt, keylen, options }) => {
	try {
		parentPort.postMessage({ key: scryptSync(secret, salt, keylen, options) });
	} catch (e) {
		parentPort.postMessage({ error: String((e && e.message) || e) });
	}
});
`;

/** Threads waiting for work (callers run one hash per thread at a time). */
const idle: Worker[] = [];

function spawn(): Worker {
	const worker = new Worker(SOURCE, { eval: true, workerData: { niceness: NICENESS } });
	// An idle hashing thread does not keep the server's process alive.
	worker.unref();
	return worker;
}

/** scrypt of `secret` on a low-priority thread. */
export function backgroundScrypt(
	secret: string,
	salt: Uint8Array,
	keylen: number,
	options: ScryptOptions
): Promise<Uint8Array> {
	const worker = idle.pop() ?? spawn();
	return new Promise((resolve, reject) => {
		const settle = (then: () => void) => {
			worker.off('message', onMessage).off('error', onError).off('exit', onExit);
			then();
		};
		const onMessage = (m: { key?: Uint8Array; error?: string }) =>
			settle(() => {
				idle.push(worker);
				if (m.key) resolve(new Uint8Array(m.key));
				else reject(new Error(m.error ?? 'scrypt'));
			});
		// A thread that failed is not used again.
		const onError = (e: Error) => settle(() => reject(e));
		const onExit = (code: number) =>
			settle(() => reject(new Error(`El hilo de scrypt terminó (${code})`)));
		worker.on('message', onMessage).on('error', onError).on('exit', onExit);
		worker.postMessage({ secret, salt, keylen, options });
	});
}
