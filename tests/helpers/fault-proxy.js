/**
 * A small HTTP proxy between the browser and the server that breaks the link on command, for
 * the fault suite (tests/faults). The browser talks only to the proxy (it is the page's
 * origin), so the page, the service worker and PouchDB all go through it.
 *
 * Controls (all return at once; faults that wait for traffic return a promise of the moment):
 * - `passThrough()`: forget every armed fault, forward everything.
 * - `refuseAll()`: reset every open connection and every new one until `passThrough()`.
 * - `cutNextResponse(path, { method, afterBytes })`: forward the request, let the server answer,
 *   then reset the connection after `afterBytes` bytes of its response body (0: before the
 *   status line, i.e. the server did the work and the client never hears of it).
 * - `stallNext(path, { method, phase })`: hold the next matching request (`phase: 'request'`,
 *   before the server sees it) or its response (`'response'`, after the server answered) until
 *   `release()`; `reached` resolves when it is being held.
 * - `rewriteNext(path, transform)`: serve the next matching response with its body transformed
 *   (uncompressed, so the transform sees the real bytes).
 * - `log`: every request seen: `{ method, path, status }` (status `'cut'`, `'reset'`).
 */
import http from 'node:http';

/**
 * @typedef {{ method?: string, path: RegExp }} Match
 * @typedef {{ match: Match, kind: 'cut', afterBytes: number, done: () => void }
 *   | { match: Match, kind: 'stall', phase: 'request' | 'response', reached: () => void, released: Promise<void> }
 *   | { match: Match, kind: 'rewrite', transform: (body: Buffer) => Buffer | string, done: () => void }} Rule
 * @typedef {{ method: string, path: string, status: number | string | null }} LogEntry
 */

/**
 * @param {{ port: number, targetPort: number, host?: string }} opts
 */
export async function startFaultProxy({ port, targetPort, host = '127.0.0.1' }) {
	/** @type {Rule[]} */
	let rules = [];
	let refusing = false;
	/** @type {LogEntry[]} */
	const log = [];
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();

	/** @param {string} method @param {string} path */
	function take(method, path) {
		const i = rules.findIndex(
			(r) => (!r.match.method || r.match.method === method) && r.match.path.test(path)
		);
		if (i < 0) return undefined;
		const [rule] = rules.splice(i, 1);
		return rule;
	}

	const server = http.createServer((req, res) => {
		const method = req.method ?? 'GET';
		const path = req.url ?? '/';
		if (refusing) {
			req.socket.destroy();
			return;
		}
		/** @type {LogEntry} */
		const entry = { method, path, status: null };
		log.push(entry);
		const rule = take(method, path);

		const forward = () => {
			const headers = { ...req.headers };
			if (rule?.kind === 'rewrite') delete headers['accept-encoding'];
			const upstream = http.request(
				{ host, port: targetPort, method, path, headers, agent: false },
				(up) => {
					entry.status = up.statusCode ?? null;
					const respond = () => relay(up);
					if (rule?.kind === 'stall' && rule.phase === 'response') {
						up.pause();
						rule.reached();
						void rule.released.then(respond);
					} else respond();
				}
			);
			upstream.on('error', () => {
				// Server down or killed mid-answer: the client sees a reset connection.
				entry.status = 'reset';
				req.socket.destroy();
			});
			req.pipe(upstream);
		};

		/** @param {http.IncomingMessage} up */
		const relay = (up) => {
			if (rule?.kind === 'cut') {
				if (rule.afterBytes === 0) {
					up.destroy();
					entry.status = 'cut';
					req.socket.destroy();
					rule.done();
					return;
				}
				res.writeHead(up.statusCode ?? 502, up.headers);
				let sent = 0;
				let cut = false;
				up.on('data', (/** @type {Buffer} */ chunk) => {
					if (cut) return;
					const room = rule.afterBytes - sent;
					if (chunk.length < room) {
						sent += chunk.length;
						res.write(chunk);
						return;
					}
					cut = true;
					entry.status = 'cut';
					res.write(chunk.subarray(0, room), () => {
						up.destroy();
						req.socket.destroy();
						rule.done();
					});
				});
				up.on('end', () => {
					if (cut) return;
					// Shorter than the cut point: delivered whole, the fault waits for the next one.
					res.end();
					rules.push(rule);
				});
				return;
			}
			if (rule?.kind === 'rewrite') {
				/** @type {Uint8Array[]} */
				const chunks = [];
				up.on('data', (/** @type {Buffer} */ c) => chunks.push(new Uint8Array(c)));
				up.on('end', () => {
					const body = Buffer.from(rule.transform(Buffer.concat(chunks)));
					const headers = { ...up.headers, 'content-length': String(body.length) };
					delete headers['content-encoding'];
					delete headers['transfer-encoding'];
					delete headers.etag;
					res.writeHead(up.statusCode ?? 200, headers);
					res.end(body);
					rule.done();
				});
				return;
			}
			res.writeHead(up.statusCode ?? 502, up.headers);
			up.pipe(res);
			up.on('error', () => req.socket.destroy());
		};

		if (rule?.kind === 'stall' && rule.phase === 'request') {
			req.pause();
			rule.reached();
			void rule.released.then(forward);
		} else forward();
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		if (refusing) socket.destroy();
	});
	server.keepAliveTimeout = 5000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	});

	/** @param {string | RegExp} path */
	const toRegExp = (path) =>
		typeof path === 'string' ? new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : path;

	return {
		url: `http://${host}:${port}`,
		log,
		passThrough() {
			refusing = false;
			rules = [];
		},
		refuseAll() {
			refusing = true;
			for (const s of sockets) s.destroy();
		},
		/**
		 * @param {string | RegExp} path
		 * @param {{ method?: string, afterBytes?: number }} [opts]
		 * @returns {Promise<void>} resolves when the cut happened
		 */
		cutNextResponse(path, { method, afterBytes = 0 } = {}) {
			return new Promise((done) => {
				rules.push({ match: { method, path: toRegExp(path) }, kind: 'cut', afterBytes, done });
			});
		},
		/**
		 * @param {string | RegExp} path
		 * @param {{ method?: string, phase?: 'request' | 'response' }} [opts]
		 */
		stallNext(path, { method, phase = 'request' } = {}) {
			/** @type {() => void} */
			let release = () => {};
			/** @type {() => void} */
			let reached = () => {};
			const released = new Promise((r) => (release = () => r(undefined)));
			const reachedP = new Promise((r) => (reached = () => r(undefined)));
			rules.push({
				match: { method, path: toRegExp(path) },
				kind: 'stall',
				phase,
				reached,
				released
			});
			return { reached: reachedP, release };
		},
		/**
		 * @param {string | RegExp} path
		 * @param {(body: Buffer) => Buffer | string} transform
		 * @returns {Promise<void>} resolves when the rewritten response was sent
		 */
		rewriteNext(path, transform) {
			return new Promise((done) => {
				rules.push({ match: { path: toRegExp(path) }, kind: 'rewrite', transform, done });
			});
		},
		clearLog() {
			log.length = 0;
		},
		/** @param {string} method @param {string | RegExp} path */
		count(method, path) {
			const re = toRegExp(path);
			return log.filter((e) => e.method === method && re.test(e.path)).length;
		},
		async close() {
			for (const s of sockets) s.destroy();
			await new Promise((r) => server.close(() => r(undefined)));
		}
	};
}

/** @typedef {Awaited<ReturnType<typeof startFaultProxy>>} FaultProxy */
