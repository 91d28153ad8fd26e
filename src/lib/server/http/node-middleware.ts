/**
 * Node middleware from the server bundle for the app's Node server (`server/app.js`), which
 * mounts it in front of SvelteKit's handler. For answers so frequent and so cheap that
 * SvelteKit's own work per request (a `Request` and its body stream, hooks, routing, a
 * `Response` copied back to Node) is most of their cost: the content gate's replayed answers
 * (`$lib/server/couch/gate-fast-path`). The server and this bundle are built apart, so the
 * bundle leaves its middleware on `globalThis` under one agreed symbol (`$lib/policy`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NODE_MIDDLEWARE_KEY } from '$lib/policy';
import { SECURITY_HEADERS } from './security-headers';

/** Answers `req`, or calls `next()` without having read its body to let SvelteKit answer. */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Leaves `middleware` for the app's Node server, in the order it is to run. */
export function publishNodeMiddleware(...middleware: NodeMiddleware[]): void {
	(globalThis as Record<symbol, unknown>)[Symbol.for(NODE_MIDDLEWARE_KEY)] = middleware;
}

/** Sends a complete answer with the headers every answer carries. */
export function sendAnswer(
	res: ServerResponse,
	status: number,
	headers: Record<string, string>,
	body: Uint8Array | string
): void {
	res.writeHead(status, {
		...SECURITY_HEADERS,
		...headers,
		'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength)
	});
	res.end(body);
}
