// More descriptors of the app's listening socket, each with its own watcher in the event loop.
//
// Why: Node 20's event loop accepts one connection per listening descriptor and turn (libuv
// 1.46: accept4, then back to epoll; with one descriptor strace shows no accept4 ending in
// EAGAIN). Under a burst each turn is long — it answers every connection that has a request
// ready — so the phones that connected last waited in the kernel's accept queue: 500 devices at
// once, a quarter of the home pages took over a second (217 connections queued at one sample),
// the rest ~0.3 s. With nine descriptors nine were accepted per turn (500 devices, p95
// 545–1,535 ms → 573–685 ms in five runs each), yet in some runs the last ~10 % of connections
// still waited ~1 s (accept times logged in the server: 2 of 4 runs). With 64 all 500 are taken
// within ~0.2 s. The price: when a connection comes, most descriptors are woken and find nothing
// (10 connections one after another: 576 accept4, 567 ending in EAGAIN, ~1 µs each); nothing
// while none come, and a kept-alive connection is accepted once.
//
// Node ≥ 22.12 would let each be its own socket (`reusePort`); without it, a copy of a
// descriptor can only come back from another process over IPC, so a short-lived helper
// (`server/handle-echo.js`) returns the socket as many times as asked, and exits.
import { fork } from 'node:child_process';
import net from 'node:net';

/**
 * Adds `count` descriptors of `server`'s listening socket; their connections are `server`'s.
 * Best effort: if the helper cannot run, the server keeps its one descriptor. Resolves with a
 * function that closes them (on shutdown, with the server).
 * @param {import('node:http').Server} server  listening already
 * @param {number} count
 * @param {number} backlog  the accept queue's length (each listen call sets it again)
 * @returns {Promise<() => void>}
 */
export function addAcceptHandles(server, count, backlog) {
	/** @type {net.Server[]} */
	const extra = [];
	const closeAll = () => {
		for (const s of extra) s.close();
	};
	const handle = /** @type {{ _handle?: unknown }} */ (/** @type {unknown} */ (server))._handle;
	if (!handle || count < 1) return Promise.resolve(closeAll);
	return new Promise((resolve) => {
		const helper = fork(new URL('./handle-echo.js', import.meta.url), [], {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		const done = () => {
			clearTimeout(late);
			resolve(closeAll);
		};
		// Never hold the start up for it: what has come back by then is used.
		const late = setTimeout(() => {
			console.warn('Sin respuesta del ayudante de descriptores: sigue con los recibidos.');
			helper.kill();
			resolve(closeAll);
		}, 5000);
		helper.on('message', (_message, copy) => {
			if (!copy) return;
			const s = net.createServer();
			// Positional: a handle's backlog is taken from the arguments only (an options object's
			// is ignored), and every listen call on the socket sets it anew.
			s.listen(/** @type {any} */ (copy), backlog);
			s.on('connection', (socket) => server.emit('connection', socket));
			extra.push(s);
			if (extra.length < count) helper.send('again');
			else {
				helper.disconnect();
				done();
			}
		});
		helper.on('error', (e) => {
			console.warn(`Sin descriptores adicionales para aceptar conexiones: ${String(e)}`);
			done();
		});
		helper.on('exit', done);
		helper.send('again', /** @type {any} */ (handle));
	});
}
