/**
 * Hostile rows for the back office: the officials' JSON APIs (`/api/gestion/*`), the back-office
 * form actions (sign-in, accounts, actions on a request) and forged, replayed or mangled session
 * cookies. Part of `HOSTILE_CASES` (see table.ts); each row is sent with the session named in
 * the row, and the runner checks nothing was stored and the server stayed up.
 */
import { SCRIPTS, TRAVERSALS, PATH_TRAVERSALS, UNICODE } from './payloads';
import type { Expectation, HostileCase, HostileContext, HostileRequest } from './table';

type Json = Record<string, unknown>;

const json = (value: unknown) => JSON.stringify(value);

/** A random token of the session cookie's shape (32 bytes, base64url: 43 characters). */
const randomToken = () =>
	Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

/** The value of the official's session cookie (without the name). */
const tokenOf = (cookie: string) => cookie.replace(/^ventanilla_sesion=/, '');

/**
 * Cookie headers that must grant nothing. Each is a function of the context: some are made from
 * a real session (ended, altered, or smuggled inside another value).
 */
export const FORGED_SESSIONS: Record<string, (ctx: HostileContext) => Record<string, string>> = {
	'no session cookie': () => ({}),
	'random 43-character token': () => ({ cookie: `ventanilla_sesion=${randomToken()}` }),
	'session signed out, then replayed': (ctx) => ({ cookie: ctx.sessions.ended }),
	'real token with its last character changed': (ctx) => {
		const t = tokenOf(ctx.sessions.official);
		return { cookie: `ventanilla_sesion=${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}` };
	},
	'real token cut to 42 characters': (ctx) => ({
		cookie: `ventanilla_sesion=${tokenOf(ctx.sessions.official).slice(0, 42)}`
	}),
	'real token with an encoded ";" and another cookie after it': (ctx) => ({
		cookie: `ventanilla_sesion=${tokenOf(ctx.sessions.official)}%3B%20rol%3Dadministrador`
	}),
	'real token with an encoded CRLF and a header after it': (ctx) => ({
		cookie: `ventanilla_sesion=${tokenOf(ctx.sessions.official)}%0D%0ASet-Cookie%3A%20x%3D1`
	}),
	'forged cookie before the real one': (ctx) => ({
		cookie: `ventanilla_sesion=${randomToken()}; ${ctx.sessions.official}`
	}),
	'real token under the cookie name in capitals': (ctx) => ({
		cookie: `VENTANILLA_SESION=${tokenOf(ctx.sessions.official)}`
	}),
	'real token as a bearer header instead of a cookie': (ctx) => ({
		authorization: `Bearer ${tokenOf(ctx.sessions.official)}`
	}),
	'the hashed session id as the cookie': () => ({
		cookie: `ventanilla_sesion=sesion:${'0'.repeat(64)}`
	}),
	'path traversal as the cookie': () => ({ cookie: 'ventanilla_sesion=..%2F..%2F_users' }),
	'NUL bytes in the cookie': () => ({ cookie: `ventanilla_sesion=${'%00'.repeat(43)}` }),
	'huge cookie (12 KB)': () => ({ cookie: `ventanilla_sesion=${'a'.repeat(12_000)}` }),
	'a thousand cookies': () => ({
		cookie: Array.from({ length: 1000 }, (_, i) => `c${i}=${i}`).join('; ')
	})
};

const noSession: Expectation = { kind: 'api-error', status: 401, code: 'sesion_requerida' };
const signIn: Expectation = { kind: 'sign-in' };

// ---------------------------------------------------------------------------------------------
// JSON APIs
// ---------------------------------------------------------------------------------------------

const YO = 'GET /api/gestion/yo';
const REPLICA = 'GET /api/gestion/replica';
const BULK = 'POST /api/gestion/replica/_bulk_get';
const EVENTS = 'POST /api/gestion/eventos';

/** The official of the filed request's dependencia. */
const official = (ctx: HostileContext) => ({ cookie: ctx.sessions.official });

const validAction = (ctx: HostileContext, over: Json = {}, event: Json = {}): Json => ({
	clientId: crypto.randomUUID(),
	radicado: ctx.filed.radicado,
	at: new Date().toISOString(),
	event: { kind: 'nota', text: 'Visitar la vereda.', ...event },
	...over
});

function apiRow(
	endpoint: string,
	attack: string,
	request: (ctx: HostileContext) => HostileRequest,
	expect: Expectation
): HostileCase {
	return { endpoint, attack, request, expect };
}

const post = (path: string, body: (ctx: HostileContext) => unknown) => (ctx: HostileContext) => ({
	method: 'POST',
	path,
	headers: { 'content-type': 'application/json', ...official(ctx) },
	body: json(body(ctx))
});

/** Every forged session on every back-office API, with a body it would otherwise accept. */
const forgedOnApis: HostileCase[] = Object.entries(FORGED_SESSIONS).flatMap(([name, headers]) => [
	apiRow(
		YO,
		`forged session: ${name}`,
		(ctx) => ({ method: 'GET', path: '/api/gestion/yo', headers: headers(ctx) }),
		noSession
	),
	apiRow(
		REPLICA,
		`forged session: ${name}`,
		(ctx) => ({ method: 'GET', path: '/api/gestion/replica', headers: headers(ctx) }),
		noSession
	),
	apiRow(
		BULK,
		`forged session: ${name}`,
		(ctx) => ({
			method: 'POST',
			path: '/api/gestion/replica/_bulk_get',
			headers: { 'content-type': 'application/json', ...headers(ctx) },
			body: json({ docs: [{ id: `solicitud:${ctx.filed.id}` }] })
		}),
		noSession
	),
	apiRow(
		EVENTS,
		`forged session: ${name}`,
		(ctx) => ({
			method: 'POST',
			path: '/api/gestion/eventos',
			headers: { 'content-type': 'application/json', ...headers(ctx) },
			body: json(validAction(ctx))
		}),
		noSession
	)
]);

const badEvent: Expectation = { kind: 'api-error', status: 400, code: 'evento_invalido' };
const badBulk: Expectation = { kind: 'api-error', status: 400, code: 'consulta_invalida' };
const notFoundAction: Expectation = { kind: 'api-error', status: 404, code: 'no_encontrado' };
/** 200 in CouchDB's `_bulk_get` shape where every asked id is `not_found`. */
const nothingFound: Expectation = { kind: 'bulk-not-found' };

function without(body: Json, key: string): Json {
	const copy = { ...body };
	delete copy[key];
	return copy;
}

const eventRow = (
	attack: string,
	body: (ctx: HostileContext) => unknown,
	expect: Expectation = badEvent
) => apiRow(EVENTS, attack, post('/api/gestion/eventos', body), expect);
const bulkRow = (
	attack: string,
	body: (ctx: HostileContext) => unknown,
	expect: Expectation = badBulk
) => apiRow(BULK, attack, post('/api/gestion/replica/_bulk_get', body), expect);

/** Text that `isCleanText` refuses: controls and unpaired surrogates (JSON only). */
const UNCLEAN = {
	NUL: UNICODE.NUL,
	'C1 control (NEL)': UNICODE['C1 control (NEL)'],
	'lone high surrogate': UNICODE['lone high surrogate'],
	'lone low surrogate': UNICODE['lone low surrogate']
} as const;

/**
 * What of it a form can carry: a browser (and URLSearchParams) sends a lone surrogate as U+FFFD,
 * which is ordinary text.
 */
const UNCLEAN_IN_FORMS = { NUL: UNCLEAN.NUL, 'C1 control (NEL)': UNCLEAN['C1 control (NEL)'] };

const eventCases: HostileCase[] = [
	// Wrong types.
	eventRow('wrong type: clientId as a number', (ctx) => validAction(ctx, { clientId: 12345 })),
	eventRow('wrong type: radicado as a number', (ctx) => validAction(ctx, { radicado: 2026000001 })),
	eventRow('wrong type: at not a date', (ctx) => validAction(ctx, { at: 'ayer' })),
	eventRow('wrong type: at as epoch milliseconds', (ctx) => validAction(ctx, { at: Date.now() })),
	eventRow('wrong type: event as a string', (ctx) => validAction(ctx, { event: 'nota' })),
	eventRow('wrong type: event as an array', (ctx) => validAction(ctx, { event: [] })),
	eventRow('wrong type: text as an object', (ctx) => validAction(ctx, {}, { text: { $gt: '' } })),
	eventRow('unknown event kind', (ctx) => validAction(ctx, {}, { kind: 'borrado' })),
	eventRow('status outside the list', (ctx) =>
		validAction(ctx, {}, { kind: 'estado', status: 'borrada', text: 'x' })
	),
	eventRow('impossible extension date', (ctx) =>
		validAction(ctx, {}, { kind: 'prorroga', dueDate: '2026-02-30', text: 'x' })
	),
	// Missing members.
	...['clientId', 'radicado', 'at', 'event'].map((key) =>
		eventRow(`missing field: ${key}`, (ctx) => without(validAction(ctx), key))
	),
	eventRow('missing event text', (ctx) => validAction(ctx, { event: { kind: 'nota' } })),
	eventRow('empty event text', (ctx) => validAction(ctx, {}, { text: '' })),
	eventRow('text over 20,000 characters', (ctx) =>
		validAction(ctx, {}, { text: 'x'.repeat(20_001) })
	),
	// Extra members: the author and ids come from the server, never from the device.
	eventRow('extra field: byUser chosen by the device', (ctx) =>
		validAction(ctx, {}, { byUser: 'admin' })
	),
	eventRow('extra field: _id', (ctx) => validAction(ctx, { _id: 'evento:otro' })),
	eventRow('extra field: recordedAt', (ctx) =>
		validAction(ctx, { recordedAt: '2020-01-01T00:00:00Z' })
	),
	// Ids and references.
	eventRow('clientId that is not a UUID', (ctx) => validAction(ctx, { clientId: '../../_users' })),
	...Object.entries(TRAVERSALS).map(([name, value]) =>
		eventRow(`traversal as radicado: ${name}`, (ctx) => validAction(ctx, { radicado: value }))
	),
	eventRow('radicado in lowercase', (ctx) =>
		validAction(ctx, { radicado: ctx.filed.radicado.toLowerCase() })
	),
	eventRow('radicado with fullwidth digits', (ctx) =>
		validAction(ctx, {
			radicado: ctx.filed.radicado.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
		})
	),
	eventRow(
		'well-formed but unknown radicado',
		(ctx) => validAction(ctx, { radicado: 'PG-2026-999999' }),
		notFoundAction
	),
	eventRow('traversal as a forwarding dependencia', (ctx) =>
		validAction(ctx, {}, { kind: 'traslado', dependencia: '../../_users', text: 'x' })
	),
	eventRow(
		'answer naming a document that was never uploaded',
		(ctx) =>
			validAction(
				ctx,
				{},
				{
					kind: 'respuesta',
					text: 'Adjunto la respuesta.',
					document: {
						id: crypto.randomUUID(),
						name: 'respuesta.pdf',
						type: 'application/pdf',
						size: 1234
					}
				}
			),
		{ kind: 'api-error', status: 400, code: 'documento_no_encontrado' }
	),
	eventRow('script as an assignee', (ctx) =>
		validAction(ctx, {}, { kind: 'asignacion', assignee: SCRIPTS['script tag'], text: '' })
	),
	...Object.entries(SCRIPTS).map(([name, value]) =>
		eventRow(`script as clientId: ${name}`, (ctx) => validAction(ctx, { clientId: value }))
	),
	...Object.entries(UNCLEAN).map(([name, value]) =>
		eventRow(`unclean text: ${name}`, (ctx) => validAction(ctx, {}, { text: value }))
	)
];

const bulkCases: HostileCase[] = [
	bulkRow('no docs', () => ({ docs: [] })),
	bulkRow('501 docs (limit 500)', () => ({
		docs: Array.from({ length: 501 }, (_, i) => ({ id: `x${i}` }))
	})),
	bulkRow('docs as an object', () => ({ docs: { id: 'x' } })),
	bulkRow('id as a number', () => ({ docs: [{ id: 42 }] })),
	bulkRow('empty id', () => ({ docs: [{ id: '' }] })),
	bulkRow('id over 200 characters', () => ({ docs: [{ id: 'a'.repeat(201) }] })),
	bulkRow('rev as an object', () => ({ docs: [{ id: 'x', rev: { $gt: '' } }] })),
	bulkRow('extra field in a doc (atts_since)', () => ({
		docs: [{ id: 'x', atts_since: ['1-a'] }]
	})),
	bulkRow('missing docs', () => ({})),
	// Ids outside the official's replica: answered as not found, revealing nothing.
	...Object.entries({
		...TRAVERSALS,
		'user document': 'usuario:admin.hostil',
		'session document': `sesion:${'0'.repeat(64)}`,
		'security object': '_security',
		'all documents': '_all_docs',
		'design document': '_design/validation',
		'script payload': SCRIPTS['script tag'],
		'lone surrogate': UNICODE['lone high surrogate']
	}).map(([name, id]) =>
		bulkRow(`id outside the replica: ${name}`, () => ({ docs: [{ id }] }), nothingFound)
	)
];

/** Endpoint descriptions for the generic JSON attacks in table.ts. */
export const BACKOFFICE_JSON_ENDPOINTS = [
	{
		endpoint: BULK,
		path: () => '/api/gestion/replica/_bulk_get',
		valid: (ctx: HostileContext) => ({ docs: [{ id: `solicitud:${ctx.filed.id}` }] }),
		headers: official,
		shape: 'api' as const,
		codes: {
			json: 'json_invalido',
			shape: 'consulta_invalida',
			tooLarge: 'demasiado_grande',
			contentType: 'tipo_contenido'
		},
		maxBytes: 256 * 1024
	},
	{
		endpoint: EVENTS,
		path: () => '/api/gestion/eventos',
		valid: (ctx: HostileContext) => validAction(ctx),
		headers: official,
		shape: 'api' as const,
		codes: {
			json: 'json_invalido',
			shape: 'evento_invalido',
			tooLarge: 'demasiado_grande',
			contentType: 'tipo_contenido'
		},
		maxBytes: 256 * 1024
	}
];

const methodCases: HostileCase[] = [
	...['POST', 'PUT', 'DELETE', 'PATCH'].flatMap((method) => [
		apiRow(
			YO,
			`method ${method}`,
			(ctx) => ({
				method,
				path: '/api/gestion/yo',
				headers: { 'content-type': 'application/json', ...official(ctx) },
				body: '{}'
			}),
			{ kind: 'api-error', status: 405, code: 'metodo_no_permitido' }
		),
		apiRow(
			REPLICA,
			`method ${method}`,
			(ctx) => ({
				method,
				path: '/api/gestion/replica',
				headers: { 'content-type': 'application/json', ...official(ctx) },
				body: '{}'
			}),
			{ kind: 'api-error', status: 405, code: 'metodo_no_permitido' }
		)
	]),
	...['GET', 'PUT', 'DELETE'].flatMap((method) => [
		apiRow(
			BULK,
			`method ${method}`,
			(ctx) => ({
				method,
				path: '/api/gestion/replica/_bulk_get',
				headers: { 'content-type': 'application/json', ...official(ctx) },
				body: method === 'GET' ? undefined : '{}'
			}),
			{ kind: 'api-error', status: 405, code: 'metodo_no_permitido' }
		),
		apiRow(
			EVENTS,
			`method ${method}`,
			(ctx) => ({
				method,
				path: '/api/gestion/eventos',
				headers: { 'content-type': 'application/json', ...official(ctx) },
				body: method === 'GET' ? undefined : '{}'
			}),
			{ kind: 'api-error', status: 405, code: 'metodo_no_permitido' }
		)
	]),
	...Object.entries(PATH_TRAVERSALS).map(([name, value]) =>
		apiRow(
			REPLICA,
			`traversal below the replica: ${name}`,
			(ctx) => ({ method: 'GET', path: `/api/gestion/replica/${value}`, headers: official(ctx) }),
			{ kind: 'api-error', status: 404, code: 'no_encontrado' }
		)
	)
];

// ---------------------------------------------------------------------------------------------
// Back-office form actions (posted the way a browser without JavaScript does)
// ---------------------------------------------------------------------------------------------

const SIGN_IN = 'POST /gestion/ingresar (form)';
const USERS = 'POST /gestion/usuarios (form)';
const USER = 'POST /gestion/usuarios/[username] (form)';
const ACTIONS = 'POST /gestion/solicitudes/[radicado]?/… (form)';
/** The public no-JavaScript forms, for the multipart rows (their other rows are in table.ts). */
const PUBLIC_FORM = 'POST /formularios/[slug] (no JavaScript)';
const TRACK_FORM = 'POST /seguimiento (no JavaScript)';

type Session = 'none' | 'official' | 'admin';

function formRow(
	endpoint: string,
	attack: string,
	path: (ctx: HostileContext) => string,
	fields: (ctx: HostileContext) => Record<string, string> | string,
	expect: Expectation,
	opts: { session?: Session; headers?: (ctx: HostileContext) => Record<string, string> } = {}
): HostileCase {
	return {
		endpoint,
		attack,
		request: (ctx) => {
			const f = fields(ctx);
			const session = opts.session ?? 'none';
			return {
				method: 'POST',
				path: path(ctx),
				headers: {
					accept: 'text/html',
					origin: ctx.origin,
					'content-type': 'application/x-www-form-urlencoded',
					...(session === 'none' ? {} : { cookie: ctx.sessions[session] }),
					...opts.headers?.(ctx)
				},
				body: typeof f === 'string' ? f : new URLSearchParams(f).toString()
			};
		},
		expect
	};
}

const formError = (status: number): Expectation => ({ kind: 'form-error', status });

/** A username unique to the row, so the per-account sign-in limit never mixes rows. */
const someone = () => `nadie.${crypto.randomUUID().slice(0, 8)}`;

const signInCases: HostileCase[] = [
	formRow(
		SIGN_IN,
		'missing every field',
		() => '/gestion/ingresar',
		() => ({}),
		formError(400)
	),
	formRow(
		SIGN_IN,
		'missing password',
		() => '/gestion/ingresar',
		() => ({ usuario: someone() }),
		formError(400)
	),
	formRow(
		SIGN_IN,
		'whitespace username',
		() => '/gestion/ingresar',
		() => ({ usuario: '   ', clave: 'x' }),
		formError(400)
	),
	...Object.entries(SCRIPTS).map(([name, payload]) =>
		formRow(
			SIGN_IN,
			`script as username, echoed back: ${name}`,
			() => '/gestion/ingresar',
			() => ({ usuario: payload, clave: 'x' }),
			formError(401)
		)
	),
	...Object.entries(UNICODE).map(([name, value]) =>
		formRow(
			SIGN_IN,
			`Unicode username: ${name}`,
			() => '/gestion/ingresar',
			() => ({ usuario: value, clave: 'x' }),
			formError(401)
		)
	),
	formRow(
		SIGN_IN,
		"the administrator's name in fullwidth letters",
		() => '/gestion/ingresar',
		(ctx) => ({
			usuario: ctx.sessions.adminUser.replace(/[a-z]/g, (c) =>
				String.fromCharCode(c.charCodeAt(0) + 0xfee0)
			),
			clave: ctx.sessions.adminPassword
		}),
		formError(401)
	),
	formRow(
		SIGN_IN,
		'NoSQL operator as username',
		() => '/gestion/ingresar',
		() => 'usuario[$gt]=&clave[$gt]=',
		formError(400)
	),
	formRow(
		SIGN_IN,
		'username of 10,000 characters',
		() => '/gestion/ingresar',
		() => ({ usuario: 'a'.repeat(10_000), clave: 'x' }),
		formError(401)
	),
	formRow(
		SIGN_IN,
		'password of 1 MB',
		() => '/gestion/ingresar',
		() => ({ usuario: someone(), clave: 'x'.repeat(1_000_000) }),
		formError(401)
	),
	formRow(
		SIGN_IN,
		'traversal as username',
		() => '/gestion/ingresar',
		() => ({ usuario: '../../_users/org.couchdb.user:admin', clave: 'x' }),
		formError(401)
	),
	formRow(
		SIGN_IN,
		'invalid UTF-8 bytes',
		() => '/gestion/ingresar',
		() => 'usuario=%ED%A0%80%FF&clave=%00',
		// Decoded with replacement characters: an unknown account, refused like any other.
		formError(401)
	),
	formRow(
		SIGN_IN,
		'JSON instead of form data',
		() => '/gestion/ingresar',
		() => json({ usuario: 'x', clave: 'y' }),
		formError(415),
		{
			headers: () => ({ 'content-type': 'application/json' })
		}
	),
	formRow(
		SIGN_IN,
		'cross-site post with the right password',
		() => '/gestion/ingresar',
		(ctx) => ({
			usuario: ctx.sessions.adminUser,
			clave: ctx.sessions.adminPassword
		}),
		formError(403),
		{ headers: () => ({ origin: 'http://sitio-malicioso.example' }) }
	)
];

/** The account form as the users page sends it, with one thing changed. */
const account = (over: Record<string, string> = {}) => ({
	username: someone(),
	name: 'Cuenta hostil',
	roles: 'funcionario',
	dependencia: 'secretaria-de-gobierno',
	password: 'clave-de-la-cuenta-hostil-1',
	...over
});

const usersCases: HostileCase[] = [
	formRow(
		USERS,
		'missing every field',
		() => '/gestion/usuarios',
		() => ({}),
		formError(400),
		{ session: 'admin' }
	),
	formRow(
		USERS,
		'missing password on a new account',
		() => '/gestion/usuarios',
		() => without(account(), 'password') as Record<string, string>,
		formError(400),
		{ session: 'admin' }
	),
	formRow(
		USERS,
		'password too short',
		() => '/gestion/usuarios',
		() => account({ password: 'corta' }),
		formError(400),
		{ session: 'admin' }
	),
	formRow(
		USERS,
		'unknown role only',
		() => '/gestion/usuarios',
		() => account({ roles: 'superadministrador' }),
		formError(400),
		{ session: 'admin' }
	),
	formRow(
		USERS,
		'traversal as dependencia',
		() => '/gestion/usuarios',
		() => account({ dependencia: '../../_users' }),
		formError(400),
		{ session: 'admin' }
	),
	...Object.entries(SCRIPTS).map(([name, payload]) =>
		formRow(
			USERS,
			`script as username: ${name}`,
			() => '/gestion/usuarios',
			() => account({ username: payload }),
			formError(400),
			{ session: 'admin' }
		)
	),
	...Object.entries(TRAVERSALS).map(([name, value]) =>
		formRow(
			USERS,
			`traversal as username: ${name}`,
			() => '/gestion/usuarios',
			() => account({ username: value }),
			formError(400),
			{ session: 'admin' }
		)
	),
	...Object.entries(UNCLEAN_IN_FORMS).map(([name, value]) =>
		formRow(
			USERS,
			`unclean name: ${name}`,
			() => '/gestion/usuarios',
			() => account({ name: value }),
			formError(400),
			{ session: 'admin' }
		)
	),
	formRow(
		USERS,
		'username taken by the administrator',
		() => '/gestion/usuarios',
		(ctx) => account({ username: ctx.sessions.adminUser }),
		formError(409),
		{ session: 'admin' }
	),
	formRow(
		USERS,
		'a funcionario creating an administrator',
		() => '/gestion/usuarios',
		() => account({ roles: 'administrador' }),
		formError(403),
		{ session: 'official' }
	),
	formRow(
		USERS,
		'cross-site post by the administrator',
		() => '/gestion/usuarios',
		() => account(),
		formError(403),
		{
			session: 'admin',
			headers: () => ({ origin: 'http://sitio-malicioso.example' })
		}
	),
	...Object.entries(FORGED_SESSIONS).map(([name, headers]) =>
		formRow(
			USERS,
			`forged session: ${name}`,
			() => '/gestion/usuarios',
			() => account({ roles: 'administrador' }),
			signIn,
			{ headers }
		)
	)
];

const userCases: HostileCase[] = [
	formRow(
		USER,
		'removing the only administrator role',
		(ctx) => `/gestion/usuarios/${ctx.sessions.adminUser}`,
		() => ({ name: 'Administrador', roles: 'editor', active: 'on' }),
		formError(409),
		{ session: 'admin' }
	),
	formRow(
		USER,
		'deactivating the only administrator',
		(ctx) => `/gestion/usuarios/${ctx.sessions.adminUser}`,
		() => ({ name: 'Administrador', roles: 'administrador', active: 'off' }),
		formError(409),
		{ session: 'admin' }
	),
	formRow(
		USER,
		'unknown account',
		() => '/gestion/usuarios/no.existe',
		() => ({ name: 'x', roles: 'editor', active: 'on' }),
		// Refused by the action; the page it renders then answers 404 for the unknown account.
		formError(404),
		{ session: 'admin' }
	),
	...Object.entries(PATH_TRAVERSALS).map(([name, value]) =>
		formRow(
			USER,
			`traversal as the account in the path: ${name}`,
			() => `/gestion/usuarios/${value}`,
			() => ({ name: 'x', roles: 'administrador', active: 'on' }),
			formError(404),
			{ session: 'admin' }
		)
	),
	formRow(
		USER,
		'a funcionario raising their own role',
		(ctx) => `/gestion/usuarios/${ctx.sessions.officialUser}`,
		() => ({
			name: 'Yo',
			roles: 'administrador',
			dependencia: 'secretaria-de-gobierno',
			active: 'on'
		}),
		formError(403),
		{ session: 'official' }
	),
	...Object.entries(FORGED_SESSIONS).map(([name, headers]) =>
		formRow(
			USER,
			`forged session: ${name}`,
			(ctx) => `/gestion/usuarios/${ctx.sessions.officialUser}`,
			() => ({ name: 'Yo', roles: 'administrador', active: 'on' }),
			signIn,
			{ headers }
		)
	)
];

const act = (name: string) => (ctx: HostileContext) =>
	`/gestion/solicitudes/${ctx.filed.radicado}?/${name}`;
const withId = (fields: Record<string, string>) => () => ({
	clientId: crypto.randomUUID(),
	...fields
});

const actionCases: HostileCase[] = [
	formRow(ACTIONS, 'note without text', act('nota'), withId({ text: '' }), formError(400), {
		session: 'official'
	}),
	formRow(
		ACTIONS,
		'note over 20,000 characters',
		act('nota'),
		withId({ text: 'x'.repeat(20_001) }),
		formError(400),
		{ session: 'official' }
	),
	...Object.entries(UNCLEAN_IN_FORMS).map(([name, value]) =>
		formRow(
			ACTIONS,
			`note with unclean text: ${name}`,
			act('nota'),
			withId({ text: value }),
			formError(400),
			{ session: 'official' }
		)
	),
	formRow(ACTIONS, 'note without clientId', act('nota'), () => ({ text: 'x' }), formError(400), {
		session: 'official'
	}),
	...Object.entries(SCRIPTS).map(([name, payload]) =>
		formRow(
			ACTIONS,
			`script as clientId: ${name}`,
			act('nota'),
			() => ({ clientId: payload, text: 'x' }),
			formError(400),
			{ session: 'official' }
		)
	),
	formRow(
		ACTIONS,
		'status outside the list',
		act('estado'),
		withId({ status: 'borrada', text: 'x' }),
		formError(400),
		{ session: 'official' }
	),
	formRow(
		ACTIONS,
		'impossible extension date',
		act('prorrogar'),
		withId({ dueDate: '2026-02-30', text: 'x' }),
		formError(400),
		{ session: 'official' }
	),
	formRow(
		ACTIONS,
		'traversal as a forwarding dependencia',
		act('trasladar'),
		withId({ dependencia: '../../_users', text: 'x' }),
		formError(400),
		{ session: 'official' }
	),
	formRow(
		ACTIONS,
		'script as an assignee',
		act('asignar'),
		withId({ assignee: SCRIPTS['img onerror'] }),
		formError(400),
		{ session: 'official' }
	),
	formRow(ACTIONS, 'unknown action name', act('borrar'), withId({ text: 'x' }), formError(404), {
		session: 'official'
	}),
	...Object.entries(PATH_TRAVERSALS).map(([name, value]) =>
		formRow(
			ACTIONS,
			`traversal as radicado: ${name}`,
			() => `/gestion/solicitudes/${value}?/nota`,
			withId({ text: 'x' }),
			formError(404),
			{ session: 'official' }
		)
	),
	formRow(
		ACTIONS,
		'script as radicado',
		() => `/gestion/solicitudes/${encodeURIComponent(SCRIPTS['script tag'])}?/nota`,
		withId({ text: 'x' }),
		formError(404),
		{ session: 'official' }
	),
	formRow(
		ACTIONS,
		'JSON instead of form data',
		act('nota'),
		() => json({ clientId: crypto.randomUUID(), text: 'x' }),
		formError(415),
		{
			session: 'official',
			headers: () => ({ 'content-type': 'application/json' })
		}
	),
	formRow(ACTIONS, 'cross-site post', act('nota'), withId({ text: 'x' }), formError(403), {
		session: 'official',
		headers: () => ({ origin: 'http://sitio-malicioso.example' })
	}),
	...Object.entries(FORGED_SESSIONS).map(([name, headers]) =>
		formRow(
			ACTIONS,
			`forged session: ${name}`,
			act('responder'),
			withId({ text: 'Respuesta falsa', status: 'cerrada' }),
			signIn,
			{ headers }
		)
	)
];

/** Multipart bodies a form parser cannot read: refused like an empty form, never a 500. */
const BROKEN_MULTIPART: Record<string, [string, string]> = {
	'multipart without boundary': ['multipart/form-data', 'usuario=x&clave=y'],
	'multipart with a boundary the body does not use': [
		'multipart/form-data; boundary=----limite',
		'------otro\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n------otro--\r\n'
	],
	'multipart cut off mid-part': [
		'multipart/form-data; boundary=----limite',
		'------limite\r\nContent-Disposition: form-data; name="text"\r\n\r\nsin fin'
	]
};

const multipartCases: HostileCase[] = Object.entries(BROKEN_MULTIPART).flatMap(
	([attack, [type, body]]) => {
		const headers = () => ({ 'content-type': type });
		return [
			formRow(
				SIGN_IN,
				attack,
				() => '/gestion/ingresar',
				() => body,
				formError(400),
				{ headers }
			),
			formRow(
				USERS,
				attack,
				() => '/gestion/usuarios',
				() => body,
				formError(400),
				{
					session: 'admin',
					headers
				}
			),
			formRow(
				USER,
				attack,
				(ctx) => `/gestion/usuarios/${ctx.sessions.officialUser}`,
				() => body,
				formError(400),
				{
					session: 'admin',
					headers
				}
			),
			formRow(ACTIONS, attack, act('nota'), () => body, formError(400), {
				session: 'official',
				headers
			}),
			formRow(
				PUBLIC_FORM,
				attack,
				() => '/formularios/peticion-general',
				() => body,
				formError(400),
				{
					headers
				}
			),
			formRow(
				TRACK_FORM,
				attack,
				() => '/seguimiento',
				() => body,
				formError(400),
				{ headers }
			)
		];
	}
);

/**
 * Content editing (`/gestion/contenido/**`, `/gestion/vencimientos`) adds its rows here when
 * those routes land: `formRow(...)` per action with the editor's session, plus the
 * `FORGED_SESSIONS` sweep. Empty on purpose until then.
 */
const contentCases: HostileCase[] = [];

export const BACKOFFICE_CASES: HostileCase[] = [
	...forgedOnApis,
	...eventCases,
	...bulkCases,
	...methodCases,
	...signInCases,
	...usersCases,
	...userCases,
	...actionCases,
	...multipartCases,
	...contentCases
];
