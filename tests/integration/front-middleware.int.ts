/**
 * The handlers that answer in front of Express (server/front-middleware.js): in order, the first
 * that answers wins, what none answers reaches the fallback with its body unread, and a handler
 * that throws gives a bare 500 instead of taking the process down.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inFrontOf, type FrontMiddleware } from '../../server/front-middleware.js';

const seen: string[] = [];
const answers =
	(path: string, name: string): FrontMiddleware =>
	(req, res, next) => {
		seen.push(name);
		if (req.url !== path) return next();
		res.end(name);
	};
const throws: FrontMiddleware = (req, _res, next) => {
	if (req.url === '/falla') throw new Error('fallo de prueba');
	next();
};

let server: http.Server;
let base: string;
beforeAll(async () => {
	const fallback: http.RequestListener = (req, res) => {
		seen.push('express');
		let body = '';
		req.on('data', (c: Buffer) => (body += c.toString()));
		req.on('end', () => res.end(`express:${body}`));
	};
	server = http.createServer(
		inFrontOf([answers('/uno', 'uno'), throws, answers('/dos', 'dos')], fallback)
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, body?: string) {
	seen.length = 0;
	const res = await fetch(`${base}${path}`, body ? { method: 'POST', body } : {});
	return { status: res.status, text: await res.text(), seen: [...seen] };
}

describe('handlers in front of Express', () => {
	it('stops at the first handler that answers', async () => {
		expect(await get('/uno')).toEqual({ status: 200, text: 'uno', seen: ['uno'] });
		expect(await get('/dos')).toEqual({ status: 200, text: 'dos', seen: ['uno', 'dos'] });
	});

	it('hands what none answers to the fallback, body unread', async () => {
		expect(await get('/otro', 'cuerpo')).toEqual({
			status: 200,
			text: 'express:cuerpo',
			seen: ['uno', 'dos', 'express']
		});
	});

	it('answers 500 when a handler throws, and keeps serving', async () => {
		expect((await get('/falla')).status).toBe(500);
		expect((await get('/uno')).text).toBe('uno');
	});
});
