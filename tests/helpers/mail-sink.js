/**
 * A plain SMTP server that keeps every message it accepts as a file (`<n>.eml` in `dir`), so
 * the end-to-end tests can read what the portal mailed: the server under test sends through it
 * like through the Alcaldía's real mail server. Plain JavaScript, started by Playwright's global
 * setup.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * @param {number} port
 * @param {string} dir
 * @returns {Promise<() => Promise<void>>} closes the server
 */
export async function startMailSink(port, dir) {
	mkdirSync(dir, { recursive: true });
	let count = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, _session, done) {
			/** @type {Buffer[]} */
			const chunks = [];
			stream.on('data', (chunk) => chunks.push(chunk));
			stream.on('end', () => {
				writeFileSync(path.join(dir, `${++count}.eml`), Buffer.concat(chunks));
				done();
			});
		}
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	return () => new Promise((resolve) => server.close(() => resolve(undefined)));
}
