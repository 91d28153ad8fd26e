/**
 * The authorisation matrix against the real server: every principal (anonymous, a citizen with
 * radicado + PIN, each official role with its dependencia / capture scope, a deactivated
 * account) × every back-office page and action, back-office API, the attachment download, the
 * sync gate and tracking. `authz/matrix.ts` holds
 * the expected outcome of each cell as data; this runner makes one test per cell, so an access
 * that should be refused and is allowed (or the reverse) fails the suite.
 *
 * Runs on its own server so the tracking allowance and the request counts are its own.
 */
import * as devalue from 'devalue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/app-server.js';
import { BackOffice } from '../helpers/backoffice-client';
import { bogotaDay, publishFromSeed } from '../helpers/dated-content';
import {
	ACCOUNTS,
	capture,
	DUMMY_USER,
	MATRIX,
	OPEN_CONSULTA,
	OPEN_PROYECTO,
	PRINCIPALS,
	outcomeLabel,
	type Actual,
	type Cell,
	type MatrixContext,
	type PrincipalKey
} from './authz/matrix';

const ADMIN_USER = 'admin.matriz';
const ADMIN_PASSWORD = 'clave-de-pruebas-matriz-1';

let server: RunningServer;
const ctx = {} as MatrixContext;
const clients = {} as Record<PrincipalKey, BackOffice>;

/** What each principal sends: a session cookie, the admin bearer token, or nothing. */
function credentials(who: PrincipalKey): Record<string, string> {
	const cookie = clients[who]?.cookie;
	return cookie ? { cookie } : {};
}

async function send(cell: Cell): Promise<Actual> {
	const req = cell.resource.request(ctx, cell.principal);
	const url = `${server.url}${req.path}`;
	const headers: Record<string, string> = { ...credentials(cell.principal), ...req.headers };
	if (req.kind === 'page') {
		const res = await fetch(url, {
			redirect: 'manual',
			headers: { accept: 'text/html', ...headers }
		});
		const text = await res.text();
		return { status: res.status, location: res.headers.get('location'), text };
	}
	if (req.kind === 'action') {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(req.form)) body.append(k, v);
		const res = await fetch(url, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded',
				...headers
			},
			body
		});
		const json = (await res.json()) as {
			type: string;
			status?: number;
			location?: string;
			data?: string;
			error?: unknown;
		};
		// SvelteKit answers form actions with 200 and the real outcome inside the envelope.
		const status = json.type === 'success' ? 200 : (json.status ?? res.status);
		const data = json.data ? JSON.stringify(devalue.parse(json.data)) : '';
		return { status, location: json.location ?? null, text: data };
	}
	const res = await fetch(url, {
		method: req.method,
		redirect: 'manual',
		headers: {
			...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
			...headers
		},
		body: req.body === undefined ? undefined : JSON.stringify(req.body)
	});
	return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** Whether what the server answered is the cell's expected outcome. */
function matches(cell: Cell, actual: Actual): boolean {
	const outcome = cell.outcome;
	switch (outcome.kind) {
		case 'allowed':
			return (
				outcome.statuses.includes(actual.status) &&
				(outcome.location === undefined || actual.location === outcome.location) &&
				(outcome.sees === undefined || cell.resource.reveals?.(ctx, actual) === outcome.sees)
			);
		case 'sign-in':
			return actual.status === 303 && !!actual.location?.startsWith('/gestion/ingresar');
		case 'refused':
			return actual.status === outcome.status;
	}
}

async function signedIn(username: string, password: string): Promise<BackOffice> {
	const bo = new BackOffice(server.url);
	expect(await bo.signIn(username, password)).toBe(303);
	return bo;
}

beforeAll(async () => {
	server = await startServer({
		env: {
			ADMIN_USUARIO: ADMIN_USER,
			ADMIN_CLAVE: ADMIN_PASSWORD,
			LOGIN_ATTEMPTS_PER_MINUTE: '10000',
			RATE_LIMIT_FACTOR: '1000',
			TRACKING_LOOKUPS_PER_MINUTE: '10000'
		}
	});
	ctx.base = server.url;
	ctx.adminUser = ADMIN_USER;
	const adm = await signedIn(ADMIN_USER, ADMIN_PASSWORD);
	clients.administrador = adm;
	for (const p of ACCOUNTS) {
		const created = await adm.action('/gestion/usuarios', {
			username: p.account.username,
			name: `Matriz ${p.key}`,
			...(p.account.dependencia ? { dependencia: p.account.dependencia } : {}),
			roles: [...p.account.roles],
			password: ADMIN_PASSWORD
		});
		expect(created.type, JSON.stringify(created.data)).toBe('success');
		clients[p.key] = await signedIn(p.account.username, ADMIN_PASSWORD);
	}
	// A deactivated account keeps its cookie, which must then grant nothing.
	const gone = ACCOUNTS.find((p) => p.key === 'cuenta-desactivada')!.account;
	const off = await adm.action(`/gestion/usuarios/${gone.username}`, {
		name: 'Matriz desactivada',
		roles: [...gone.roles],
		dependencia: gone.dependencia ?? '',
		active: 'off'
	});
	expect(off.type, JSON.stringify(off.data)).toBe('success');

	ctx.api = async (who, method, path, body) => {
		const res = await fetch(`${server.url}${path}`, {
			method,
			headers: {
				...credentials(who),
				...(body === undefined ? {} : { 'content-type': 'application/json' })
			},
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		return { status: res.status, body: (await res.json()) as Record<string, unknown> };
	};
	ctx.adminPage = async (path) => (await adm.page(path)).html;
	ctx.dummyUser = DUMMY_USER;
	const dummy = await adm.action('/gestion/usuarios', {
		username: ctx.dummyUser,
		name: 'Cuenta de prueba',
		roles: ['editor'],
		password: ADMIN_PASSWORD
	});
	expect(dummy.type, JSON.stringify(dummy.data)).toBe('success');
	ctx.shared = await capture(ctx);
	await publishFromSeed(
		adm,
		'consulta',
		'prioridades-vias-y-conectividad-rural-2027',
		OPEN_CONSULTA,
		{
			opensAt: bogotaDay(-1),
			closesAt: bogotaDay(30)
		}
	);
	await publishFromSeed(adm, 'proyecto-acuerdo', 'presupuesto-general-2027', OPEN_PROYECTO, {
		commentsUntil: bogotaDay(30)
	});
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

const cells: Cell[] = MATRIX.flatMap((resource) =>
	PRINCIPALS.map((p) => ({ resource, principal: p.key, outcome: resource.expect[p.key] }))
);

describe('authorisation matrix', () => {
	const byResource = new Map<string, Cell[]>();
	for (const c of cells)
		byResource.set(c.resource.name, [...(byResource.get(c.resource.name) ?? []), c]);
	for (const [name, row] of byResource) {
		describe(name, () => {
			it.each(row.map((c) => [c.principal, outcomeLabel(c.outcome), c] as const))(
				'%s → %s',
				async (_who, _label, cell) => {
					await cell.resource.before?.(ctx, cell.principal);
					const actual = await send(cell);
					const why = `${name} as ${cell.principal}: ${actual.status} ${actual.location ?? ''} ${actual.text.slice(0, 200)}`;
					expect(matches(cell, actual), why).toBe(true);
					await cell.resource.after?.(ctx, cell.principal, cell.outcome);
				}
			);
		});
	}
});

describe('authorisation matrix size', () => {
	it('reports the number of cells, every principal on every resource', () => {
		console.info(
			`authorisation matrix: ${cells.length} cells (${MATRIX.length} resources × ${PRINCIPALS.length} principals)`
		);
		expect(cells.length).toBe(MATRIX.length * PRINCIPALS.length);
		expect(cells.every((c) => c.outcome !== undefined)).toBe(true);
	});
});
