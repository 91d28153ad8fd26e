/**
 * A loopback HTTP proxy in front of the app that counts requests and the bytes each one puts
 * on the wire, and can optionally make them take the time a slow link would.
 *
 * Counting: bytes are the proxy↔app socket's `bytesWritten` (request line, headers, body) and
 * `bytesRead` (status line, headers, body exactly as the app sent it: Brotli/gzip-compressed
 * when the client asked for it, chunk framing included) per request. Headers are forwarded
 * unchanged, so these are the bytes the client↔proxy link carries too.
 *
 * Simulation (`link` given): a single shared link with the profile's bandwidth each way and its
 * RTT per request: the request waits RTT/2 plus its bytes at the upload rate before it is sent
 * on; the response waits RTT/2, then its bytes are paced at the download rate, serialised with
 * every other response on the link.
 */
import http from 'node:http';
import { bytesPerSecond } from './profiles.js';

/**
 * @typedef {object} ProxiedRequest
 * @property {string} method
 * @property {string} path
 * @property {number} status
 * @property {number} up  bytes client → server
 * @property {number} down  bytes server → client
 * @property {string} encoding  response Content-Encoding
 */

/**
 * @typedef {object} CountingProxy
 * @property {string} url
 * @property {ProxiedRequest[]} log
 * @property {() => { requests: number, up: number, down: number }} totals
 * @property {() => void} reset
 * @property {(quietMs?: number) => Promise<void>} idle  resolves once no request has been in
 *   flight for `quietMs` (PouchDB may still ask for the database info after a replication
 *   resolves; those requests belong to the pull)
 * @property {() => Promise<void>} close
 */

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection']);

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {string} target  the app's origin, e.g. http://127.0.0.1:4000
 * @param {{ link?: import('./profiles.js').Profile }} [opts]
 * @returns {Promise<CountingProxy>}
 */
export async function startCountingProxy(target, opts = {}) {
	const upstream = new URL(target);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	const link = opts.link;
	const down = link ? bytesPerSecond(link.downloadKbps) : 0;
	const up = link ? bytesPerSecond(link.uploadKbps) : 0;
	// When the shared downlink / uplink are next free (ms since epoch, fractional).
	let downFreeAt = 0;
	let upFreeAt = 0;
	/** @type {ProxiedRequest[]} */
	const log = [];
	let inFlight = 0;
	let lastActivity = performance.now();

	/**
	 * Waits until `bytes` have crossed a link of `rate` bytes/s that is busy until `freeAt`.
	 * @param {number} bytes
	 * @param {number} rate
	 * @param {'up' | 'down'} which
	 */
	const transmit = async (bytes, rate, which) => {
		const now = performance.timeOrigin + performance.now();
		const start = Math.max(now, which === 'up' ? upFreeAt : downFreeAt);
		const end = start + (bytes / rate) * 1000;
		if (which === 'up') upFreeAt = end;
		else downFreeAt = end;
		await sleep(end - now);
	};

	const server = http.createServer(async (req, res) => {
		inFlight++;
		lastActivity = performance.now();
		res.on('close', () => {
			inFlight--;
			lastActivity = performance.now();
		});
		const chunks = [];
		for await (const c of req) chunks.push(c);
		const body = Buffer.concat(chunks);
		const headers = { ...req.headers, host: upstream.host };
		if (link) {
			const approx = body.length + JSON.stringify(req.rawHeaders).length + (req.url?.length ?? 0);
			await sleep(link.rttMs / 2);
			await transmit(approx, up, 'up');
		}
		const entry = /** @type {ProxiedRequest} */ ({
			method: req.method ?? 'GET',
			path: req.url ?? '/',
			status: 0,
			up: 0,
			down: 0,
			encoding: ''
		});
		log.push(entry);
		const proxyReq = http.request({
			host: upstream.hostname,
			port: upstream.port,
			method: req.method,
			path: req.url,
			headers,
			agent
		});
		let readAtStart = 0;
		let writtenAtStart = 0;
		proxyReq.on('socket', (s) => {
			readAtStart = s.bytesRead;
			writtenAtStart = s.bytesWritten;
		});
		proxyReq.on('error', (e) => {
			entry.status = 502;
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end(String(e));
		});
		proxyReq.on('response', async (proxyRes) => {
			entry.status = proxyRes.statusCode ?? 0;
			entry.encoding = String(proxyRes.headers['content-encoding'] ?? 'identity');
			/** @type {Record<string, string | string[]>} */
			const outHeaders = {};
			for (const [k, v] of Object.entries(proxyRes.headers)) {
				if (v !== undefined && !HOP_BY_HOP.has(k)) outHeaders[k] = v;
			}
			if (link) await sleep(link.rttMs / 2);
			res.writeHead(entry.status, outHeaders);
			for await (const chunk of proxyRes) {
				if (link) await transmit(chunk.length, down, 'down');
				res.write(chunk);
			}
			const socket = proxyReq.socket;
			if (socket) {
				entry.down = socket.bytesRead - readAtStart;
				entry.up = socket.bytesWritten - writtenAtStart;
			}
			res.end();
		});
		proxyReq.end(body);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		log,
		totals: () => ({
			requests: log.length,
			up: log.reduce((n, r) => n + r.up, 0),
			down: log.reduce((n, r) => n + r.down, 0)
		}),
		reset: () => {
			log.length = 0;
		},
		idle: async (quietMs = 300) => {
			while (inFlight > 0 || performance.now() - lastActivity < quietMs) await sleep(50);
		},
		close: async () => {
			agent.destroy();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(() => resolve(undefined)));
		}
	};
}
