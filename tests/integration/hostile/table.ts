/**
 * The hostile-input table: every API, sync and no-JavaScript form endpoint × the attacks that
 * apply to it, each with the answer it must get. A new endpoint adds its rows here (usually one
 * `jsonBodyAttacks(...)` or `pathAttacks(...)` call plus a few specific rows); the runner in
 * `hostile-input.int.ts` checks every row the same way.
 */
import { BACKOFFICE_CASES, BACKOFFICE_JSON_ENDPOINTS } from './backoffice';
import { PATH_TRAVERSALS, SCRIPTS, TRAVERSALS, UNICODE, forgedCredentials } from './payloads';

/** What the runner knows when a row builds its request (filled in by the runner's setup). */
export interface HostileContext {
	/** The server's origin, which a browser sends with form posts. */
	origin: string;
	/** A request filed before the attacks, to aim at: its radicado, PIN and id. */
	filed: { id: string; radicado: string; pin: string; body: Record<string, unknown> };
	/** Back-office sessions (whole `Cookie` header values) and the accounts behind them. */
	sessions: {
		/** The first administrator. */
		admin: string;
		adminUser: string;
		adminPassword: string;
		/** A funcionario of the filed request's dependencia. */
		official: string;
		officialUser: string;
		/** A session of the same funcionario that was signed out before the attacks. */
		ended: string;
	};
}

export interface HostileRequest {
	method: string;
	path: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array | FormData;
}

export type Expectation =
	/** 4xx `{ error: { code, message } }`, message in Spanish; nothing stored. */
	| { kind: 'api-error'; status: number; code?: string }
	/** 4xx in CouchDB's shape `{ error, reason, code }` (the content sync gate), reason in Spanish. */
	| { kind: 'sync-error'; status: number; code?: string }
	/** A request filed with the payload kept as inert data: 201 JSON, exactly one stored. */
	| { kind: 'filed-inert' }
	/** 200 that reveals and changes nothing (e.g. tracking with forged credentials). */
	| { kind: 'grants-nothing' }
	/** No-JavaScript form: 4xx page (or SvelteKit's own 4xx), nothing stored, payload escaped. */
	| { kind: 'form-error'; status: number }
	/** No-JavaScript form filed with the payload as inert data: 200 receipt page, escaped. */
	| { kind: 'form-filed-inert' }
	/** A back-office page or form action without a valid session: 303 to the sign-in page. */
	| { kind: 'sign-in' }
	/** CouchDB-shaped `_bulk_get` answer (200) in which every asked id is `not_found`. */
	| { kind: 'bulk-not-found' };

export interface HostileCase {
	endpoint: string;
	attack: string;
	request: (ctx: HostileContext) => HostileRequest;
	expect: Expectation;
}

type Json = Record<string, unknown>;
type JsonBody = (ctx: HostileContext) => Json;

const json = (value: unknown) => JSON.stringify(value);
const withJson = (headers: Record<string, string> = {}) => ({
	'content-type': 'application/json',
	...headers
});

// ---------------------------------------------------------------------------------------------
// Generic attack families
// ---------------------------------------------------------------------------------------------

const MALFORMED_JSON: Record<string, string | Uint8Array> = {
	'truncated JSON': '{"id":',
	'trailing garbage': '{"items":[]}}',
	'empty body': '',
	'single-quoted JSON': "{'items':[]}",
	'NaN literal': '{"items":NaN}',
	'JSON with a comment': '{/* x */"items":[]}',
	'invalid UTF-8 bytes': Uint8Array.from([0x7b, 0x22, 0x61, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
	'UTF-16 instead of UTF-8': new Uint8Array(Buffer.from('{"items":[]}', 'utf16le')),
	'15,000 levels of nesting': '['.repeat(15_000) + ']'.repeat(15_000)
};

const NOT_AN_OBJECT: Record<string, string> = {
	'null body': 'null',
	'array body': '[]',
	'string body': '"hola"',
	'number body': '42',
	'boolean body': 'true'
};

const WRONG_CONTENT_TYPES: Record<string, string | null> = {
	'text/plain': 'text/plain;charset=UTF-8',
	'form-urlencoded': 'application/x-www-form-urlencoded',
	'multipart without boundary': 'multipart/form-data',
	'application/xml': 'application/xml',
	'JSON in Latin-1': 'application/json; charset=latin1',
	'no content type': null
};

interface JsonEndpoint {
	endpoint: string;
	method?: string;
	path: (ctx: HostileContext) => string;
	/** A body the endpoint would accept, so each attack changes one thing. */
	valid: JsonBody;
	headers?: (ctx: HostileContext) => Record<string, string>;
	shape: 'api' | 'sync';
	/** Codes the endpoint answers for bad JSON, bad shape, and too big. */
	codes: { json: string; shape: string; tooLarge: string; contentType: string };
	maxBytes: number;
}

/** Malformed JSON, wrong content types, non-object bodies and oversized bodies. */
function jsonBodyAttacks(e: JsonEndpoint): HostileCase[] {
	const method = e.method ?? 'POST';
	const kind = e.shape === 'api' ? 'api-error' : 'sync-error';
	const rows: HostileCase[] = [];
	for (const [attack, body] of Object.entries(MALFORMED_JSON)) {
		rows.push({
			endpoint: e.endpoint,
			attack: `malformed JSON: ${attack}`,
			request: (ctx) => ({
				method,
				path: e.path(ctx),
				headers: withJson(e.headers?.(ctx)),
				body
			}),
			// Deep nesting may parse (and then fail the schema) or not: 400 either way.
			expect: {
				kind,
				status: 400,
				code: attack.includes('nesting') ? undefined : e.codes.json
			}
		});
	}
	for (const [attack, body] of Object.entries(NOT_AN_OBJECT)) {
		rows.push({
			endpoint: e.endpoint,
			attack: `wrong type: ${attack}`,
			request: (ctx) => ({
				method,
				path: e.path(ctx),
				headers: withJson(e.headers?.(ctx)),
				body
			}),
			expect: { kind, status: 400, code: e.codes.shape }
		});
	}
	for (const [attack, type] of Object.entries(WRONG_CONTENT_TYPES)) {
		rows.push({
			endpoint: e.endpoint,
			attack: `wrong content type: ${attack}`,
			request: (ctx) => ({
				method,
				path: e.path(ctx),
				headers: { ...(type ? { 'content-type': type } : {}), ...e.headers?.(ctx) },
				// Bytes, so fetch adds no content type of its own.
				body: new TextEncoder().encode(json(e.valid(ctx)))
			}),
			expect: { kind, status: 415, code: e.codes.contentType }
		});
	}
	rows.push(
		{
			endpoint: e.endpoint,
			attack: 'extra top-level field',
			request: (ctx) => ({
				method,
				path: e.path(ctx),
				headers: withJson(e.headers?.(ctx)),
				body: json({ ...e.valid(ctx), _extra: true })
			}),
			expect: { kind, status: 400, code: e.codes.shape }
		},
		{
			endpoint: e.endpoint,
			attack: 'prototype pollution key',
			request: (ctx) => ({
				method,
				path: e.path(ctx),
				headers: withJson(e.headers?.(ctx)),
				body: json(e.valid(ctx)).replace(/^\{/, '{"__proto__":{"isAdmin":true},')
			}),
			expect: { kind, status: 400, code: e.codes.shape }
		},
		{
			endpoint: e.endpoint,
			attack: `oversized body (limit + 1 byte)`,
			request: (ctx) => {
				const prefix = '{"relleno":"';
				const pad = 'a'.repeat(e.maxBytes + 1 - prefix.length - 2);
				return {
					method,
					path: e.path(ctx),
					headers: withJson(e.headers?.(ctx)),
					body: `${prefix}${pad}"}`
				};
			},
			expect: { kind, status: 413, code: e.codes.tooLarge }
		}
	);
	return rows;
}

/** GET-only resources: other methods, and hostile spellings of their path segments. */
function methodAttacks(
	endpoint: string,
	path: string,
	methods: string[],
	kind: 'api-error' | 'sync-error' = 'api-error'
): HostileCase[] {
	return methods.map((method) => ({
		endpoint,
		attack: `method ${method}`,
		request: () => ({
			method,
			path,
			headers: withJson(),
			body: method === 'GET' || method === 'HEAD' ? undefined : '{}'
		}),
		expect: {
			kind,
			status: kind === 'sync-error' && method === 'POST' ? 403 : 405,
			code: kind === 'sync-error' && method === 'POST' ? 'solo_lectura' : 'metodo_no_permitido'
		}
	}));
}

// ---------------------------------------------------------------------------------------------
// POST /api/solicitudes
// ---------------------------------------------------------------------------------------------

const FILING = 'POST /api/solicitudes';

/** An anonymous petición the server files (fresh id each time). */
export function peticion(over: Json = {}): Json {
	return {
		id: crypto.randomUUID(),
		form: 'peticion-general',
		capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
		anonymous: true,
		values: { asunto: 'Arreglo del puente', descripcion: 'El puente de la vereda está caído.' },
		pin: '482913',
		...over
	};
}

/** The same petición with the applicant identified. */
function identified(applicant: Json = {}, consent: Json = {}): Json {
	return peticion({
		anonymous: false,
		applicant: {
			name: 'Ana María Pérez',
			documentType: 'CC',
			documentNumber: '1122334455',
			email: 'ana.perez@example.com',
			phone: '310 123 4567',
			address: 'Calle 3 # 4-15',
			vereda: 'La Libertad',
			...applicant
		},
		consent: {
			accepted: true,
			policyVersion: '2026-11',
			acceptedAt: new Date().toISOString(),
			...consent
		}
	});
}

const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
]);
function attachment(over: Json = {}, bytes: Uint8Array = PNG): Json {
	return {
		id: crypto.randomUUID(),
		name: 'foto-del-puente.png',
		type: 'image/png',
		size: bytes.length,
		data: Buffer.from(bytes).toString('base64'),
		...over
	};
}
const withAttachments = (...attachments: Json[]) => peticion({ attachments });

const filingRow = (
	attack: string,
	body: () => Json | string,
	expect: Expectation
): HostileCase => ({
	endpoint: FILING,
	attack,
	request: () => {
		const b = body();
		return {
			method: 'POST',
			path: '/api/solicitudes',
			headers: withJson(),
			body: typeof b === 'string' ? b : json(b)
		};
	},
	expect
});
const invalid: Expectation = { kind: 'api-error', status: 400, code: 'solicitud_invalida' };
const badAttachment: Expectation = { kind: 'api-error', status: 400, code: 'adjunto_invalido' };
const inert: Expectation = { kind: 'filed-inert' };

function without(body: Json, key: string): Json {
	const copy = { ...body };
	delete copy[key];
	return copy;
}

const filingCases: HostileCase[] = [
	...jsonBodyAttacks({
		endpoint: FILING,
		path: () => '/api/solicitudes',
		valid: () => peticion(),
		shape: 'api',
		codes: {
			json: 'json_invalido',
			shape: 'solicitud_invalida',
			tooLarge: 'demasiado_grande',
			contentType: 'tipo_contenido'
		},
		maxBytes: 11 * 1024 * 1024
	}),
	filingRow(
		'oversized body past the server limit (13 MB)',
		() => peticion({ relleno: 'a'.repeat(13_000_000) }),
		{
			kind: 'api-error',
			status: 413,
			code: 'demasiado_grande'
		}
	),
	// Wrong types, one member at a time.
	filingRow('wrong type: numeric id', () => peticion({ id: 12345 }), invalid),
	filingRow('wrong type: anonymous as a string', () => peticion({ anonymous: 'true' }), invalid),
	filingRow('wrong type: values as an array', () => peticion({ values: ['a'] }), invalid),
	filingRow(
		'wrong type: a value as an object',
		() => peticion({ values: { asunto: { $gt: '' } } }),
		invalid
	),
	filingRow('wrong type: PIN as a number', () => peticion({ pin: 482913 }), invalid),
	filingRow('wrong type: capturedAt not a date', () => peticion({ capturedAt: 'ayer' }), invalid),
	filingRow('wrong type: attachments as an object', () => peticion({ attachments: {} }), invalid),
	filingRow(
		'wrong type: consent.accepted false',
		() => identified({}, { accepted: false }),
		invalid
	),
	// Missing members.
	...['id', 'form', 'capturedAt', 'anonymous', 'values', 'pin'].map((key) =>
		filingRow(`missing field: ${key}`, () => without(peticion(), key), invalid)
	),
	filingRow(
		'missing applicant on a named request',
		() => without(identified(), 'applicant'),
		invalid
	),
	filingRow('missing consent on a named request', () => without(identified(), 'consent'), invalid),
	filingRow(
		'missing required form value',
		() => peticion({ values: { asunto: 'Solo asunto' } }),
		invalid
	),
	// Extra members, including ones the store would treat specially.
	filingRow('extra field: _id', () => peticion({ _id: 'solicitud:otro' }), invalid),
	filingRow('extra field: _rev', () => peticion({ _rev: '1-abc' }), invalid),
	filingRow('extra field: _attachments', () => peticion({ _attachments: {} }), invalid),
	filingRow(
		'extra field: radicado chosen by the client',
		() => peticion({ radicado: 'PG-2026-000001' }),
		invalid
	),
	filingRow('extra field: type evento', () => peticion({ type: 'evento' }), invalid),
	filingRow('extra field inside applicant', () => identified({ isAdmin: true }), invalid),
	filingRow(
		'extra field inside an attachment',
		() => withAttachments(attachment({ url: 'http://x' })),
		invalid
	),
	filingRow(
		'undeclared form value',
		() => peticion({ values: { asunto: 'a', descripcion: 'b', rol: 'admin' } }),
		invalid
	),
	filingRow(
		'31 form values',
		() =>
			peticion({
				values: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`c${i}`, 'x']))
			}),
		invalid
	),
	// Path traversal in ids.
	...Object.entries(TRAVERSALS).flatMap(([name, value]) => [
		filingRow(`traversal in id: ${name}`, () => peticion({ id: value }), invalid),
		filingRow(`traversal in form: ${name}`, () => peticion({ form: value }), invalid)
	]),
	filingRow(
		'traversal in attachment id',
		() => withAttachments(attachment({ id: '../../_users' })),
		invalid
	),
	filingRow(
		'traversal in attachment name',
		() => withAttachments(attachment({ name: '../../etc/passwd' })),
		invalid
	),
	filingRow('unknown form', () => peticion({ form: 'formulario-que-no-existe' }), {
		kind: 'api-error',
		status: 404,
		code: 'formulario_no_encontrado'
	}),
	// Attachments: too many, too big, lying about size or type.
	filingRow(
		'six attachments (limit 3 for this form)',
		() => withAttachments(...Array.from({ length: 6 }, () => attachment())),
		invalid
	),
	filingRow(
		'four attachments (form allows 3)',
		() => withAttachments(...Array.from({ length: 4 }, () => attachment())),
		invalid
	),
	filingRow(
		'attachment declared larger than the limit',
		() => withAttachments(attachment({ size: 50 * 1024 * 1024 })),
		invalid
	),
	filingRow(
		'attachment data larger than the limit',
		() => withAttachments(attachment({ size: 2_000_000 }, new Uint8Array(2_000_000))),
		invalid
	),
	filingRow(
		'attachment size does not match its bytes',
		() => withAttachments(attachment({ size: 999 })),
		badAttachment
	),
	filingRow(
		'attachment claims PNG but is HTML',
		() =>
			withAttachments(
				attachment({}, new TextEncoder().encode('<html><script>window.__hostil=1</script>'))
			),
		badAttachment
	),
	filingRow(
		'attachment of type text/html',
		() => withAttachments(attachment({ type: 'text/html', name: 'a.html' })),
		invalid
	),
	filingRow(
		'attachment of type SVG',
		() => withAttachments(attachment({ type: 'image/svg+xml', name: 'a.svg' })),
		invalid
	),
	filingRow(
		'attachment data not base64',
		() => withAttachments(attachment({ data: '<script>!!' })),
		invalid
	),
	filingRow(
		'two attachments with the same id',
		() => {
			const a = attachment();
			return withAttachments(a, { ...a });
		},
		badAttachment
	),
	// Script payloads in every text field: structured fields refuse them, free text keeps them
	// as inert data (a citizen may legitimately write "<" in a complaint).
	...Object.entries(SCRIPTS).flatMap(([name, payload]) => [
		filingRow(
			`script in values.asunto: ${name}`,
			() => peticion({ values: { asunto: payload, descripcion: 'x' } }),
			inert
		),
		filingRow(
			`script in values.descripcion: ${name}`,
			() => peticion({ values: { asunto: 'x', descripcion: payload } }),
			inert
		),
		filingRow(
			`script in values.lugar: ${name}`,
			() => peticion({ values: { asunto: 'x', descripcion: 'y', lugar: payload } }),
			inert
		),
		filingRow(
			`script in a choice value: ${name}`,
			() => peticion({ values: { asunto: 'x', descripcion: 'y', medio_respuesta: payload } }),
			invalid
		),
		filingRow(`script in applicant.name: ${name}`, () => identified({ name: payload }), inert),
		filingRow(
			`script in applicant.address: ${name}`,
			() => identified({ address: payload }),
			inert
		),
		filingRow(
			`script in applicant.email: ${name}`,
			() => identified({ email: `${payload}@example.com` }),
			invalid
		),
		filingRow(
			`script in applicant.documentNumber: ${name}`,
			() => identified({ documentNumber: payload }),
			invalid
		),
		filingRow(`script in applicant.phone: ${name}`, () => identified({ phone: payload }), invalid),
		filingRow(`script in the PIN: ${name}`, () => peticion({ pin: payload }), invalid)
	]),
	filingRow(
		'script in attachment name (no slash)',
		() => withAttachments(attachment({ name: '<img src=x onerror=alert(1)>.png' })),
		inert
	),
	filingRow(
		'script in consent.policyVersion',
		() => identified({}, { policyVersion: '<b onmouseover=x>' }),
		inert
	),
	// Unicode edge cases in free text, a one-line field and a file name.
	filingRow(
		'lone high surrogate in descripcion',
		() => peticion({ values: { asunto: 'x', descripcion: UNICODE['lone high surrogate'] } }),
		invalid
	),
	filingRow(
		'lone low surrogate in applicant.name',
		() => identified({ name: UNICODE['lone low surrogate'] }),
		invalid
	),
	filingRow(
		'NUL in asunto',
		() => peticion({ values: { asunto: UNICODE.NUL, descripcion: 'x' } }),
		invalid
	),
	filingRow('NUL in applicant.vereda', () => identified({ vereda: UNICODE.NUL }), invalid),
	filingRow(
		'C1 control in descripcion',
		() => peticion({ values: { asunto: 'x', descripcion: UNICODE['C1 control (NEL)'] } }),
		invalid
	),
	filingRow(
		'NUL in attachment name',
		() => withAttachments(attachment({ name: 'foto\u0000.png' })),
		invalid
	),
	filingRow(
		'right-to-left override in attachment name',
		() => withAttachments(attachment({ name: 'factura\u202egnp.exe' })),
		invalid
	),
	filingRow(
		'right-to-left override in descripcion (kept as text)',
		() => peticion({ values: { asunto: 'x', descripcion: UNICODE['right-to-left override'] } }),
		inert
	),
	filingRow(
		'zero-width characters in applicant.name (kept)',
		() => identified({ name: UNICODE['zero-width characters'] }),
		inert
	),
	filingRow(
		'long combining sequence in descripcion (within 5,000)',
		() => peticion({ values: { asunto: 'x', descripcion: UNICODE['long combining sequence'] } }),
		inert
	),
	filingRow(
		'long combining sequence in asunto (over 150)',
		() => peticion({ values: { asunto: UNICODE['long combining sequence'], descripcion: 'x' } }),
		invalid
	),
	filingRow(
		'long combining sequence in applicant.name (over 160)',
		() => identified({ name: UNICODE['long combining sequence'] }),
		invalid
	),
	filingRow(
		'NFD accents in asunto (kept)',
		() => peticion({ values: { asunto: UNICODE['NFD (decomposed accents)'], descripcion: 'x' } }),
		inert
	),
	filingRow('fullwidth digits in the PIN', () => peticion({ pin: '４８２９１３' }), invalid),
	// Replays of the request filed in setup with something changed.
	{
		endpoint: FILING,
		attack: 'replayed id with NFD instead of NFC text (other bytes: a conflict, not a 2nd filing)',
		request: (ctx) => {
			const values = ctx.filed.body.values as Json;
			return {
				method: 'POST',
				path: '/api/solicitudes',
				headers: withJson(),
				body: json({
					...ctx.filed.body,
					values: { ...values, asunto: String(values.asunto).normalize('NFD') }
				})
			};
		},
		expect: { kind: 'api-error', status: 409, code: 'conflicto_id' }
	},
	{
		endpoint: FILING,
		attack: 'replayed id with another PIN',
		request: (ctx) => ({
			method: 'POST',
			path: '/api/solicitudes',
			headers: withJson(),
			body: json({ ...ctx.filed.body, pin: ctx.filed.pin === '000000' ? '111111' : '000000' })
		}),
		expect: { kind: 'api-error', status: 409, code: 'conflicto_id' }
	},
	...Object.entries(forgedCredentials('x'.repeat(20)))
		.filter(([name]) => name.includes('cookie'))
		.map(([name, headers]) => ({
			endpoint: FILING,
			attack: `forged credentials change nothing: ${name} with a replayed id and another form`,
			request: (ctx: HostileContext) => ({
				method: 'POST',
				path: '/api/solicitudes',
				headers: withJson(headers),
				body: json({ ...ctx.filed.body, form: 'queja' })
			}),
			expect: { kind: 'api-error', status: 409, code: 'conflicto_id' } as Expectation
		}))
];

// ---------------------------------------------------------------------------------------------
// POST /api/seguimiento
// ---------------------------------------------------------------------------------------------

const TRACKING = 'POST /api/seguimiento';
const trackRow = (attack: string, body: unknown, expect?: Expectation): HostileCase => ({
	endpoint: TRACKING,
	attack,
	request: () => ({
		method: 'POST',
		path: '/api/seguimiento',
		headers: withJson(),
		body: json(body)
	}),
	expect: expect ?? { kind: 'api-error', status: 400, code: 'seguimiento_invalido' }
});

const trackingCases: HostileCase[] = [
	...jsonBodyAttacks({
		endpoint: TRACKING,
		path: () => '/api/seguimiento',
		valid: (ctx) => ({ items: [{ radicado: ctx.filed.radicado, pin: ctx.filed.pin }] }),
		shape: 'api',
		codes: {
			json: 'json_invalido',
			shape: 'seguimiento_invalido',
			tooLarge: 'demasiado_grande',
			contentType: 'tipo_contenido'
		},
		maxBytes: 32 * 1024
	}),
	trackRow('missing items', {}),
	trackRow('empty items', { items: [] }),
	trackRow('51 items', {
		items: Array.from({ length: 51 }, () => ({ radicado: 'PG-2026-000001', pin: '123456' }))
	}),
	trackRow('items as a string', { items: 'PG-2026-000001' }),
	trackRow('numeric radicado and PIN', { items: [{ radicado: 2026000001, pin: 123456 }] }),
	trackRow('missing PIN', { items: [{ radicado: 'PG-2026-000001' }] }),
	trackRow('extra field in an item', {
		items: [{ radicado: 'PG-2026-000001', pin: '123456', admin: true }]
	}),
	trackRow('radicado longer than 40 characters', {
		items: [{ radicado: 'PG-2026-'.padEnd(41, '0'), pin: '123456' }]
	}),
	trackRow('script in the PIN (over 20 characters)', {
		items: [{ radicado: 'PG-2026-000001', pin: SCRIPTS['script tag'] }]
	}),
	// Well-formed bodies whose items cannot match anything: answered, revealing nothing.
	...Object.entries(TRAVERSALS).map(([name, value]) =>
		trackRow(
			`traversal as radicado: ${name}`,
			{ items: [{ radicado: value, pin: '123456' }] },
			{ kind: 'grants-nothing' }
		)
	),
	trackRow(
		'script as radicado',
		{ items: [{ radicado: '<script>x</script>', pin: '123456' }] },
		{ kind: 'grants-nothing' }
	),
	trackRow(
		'lone surrogate in radicado',
		{ items: [{ radicado: 'PG-2026-\ud800', pin: '123456' }] },
		{ kind: 'grants-nothing' }
	),
	trackRow(
		'NUL in the PIN',
		{ items: [{ radicado: 'PG-2026-000001', pin: '12345\u0000' }] },
		{ kind: 'grants-nothing' }
	),
	trackRow(
		'fullwidth radicado',
		{ items: [{ radicado: 'ＰＧ-２０２６-０００００１', pin: '123456' }] },
		{ kind: 'grants-nothing' }
	),
	...Object.entries(forgedCredentials('x'.repeat(20)))
		.filter(([name]) => name.includes('cookie') || name.includes('JWT'))
		.map(([name, headers]) => ({
			endpoint: TRACKING,
			attack: `forged credentials with the real radicado and a wrong PIN: ${name}`,
			request: (ctx: HostileContext) => ({
				method: 'POST',
				path: '/api/seguimiento',
				headers: withJson(headers),
				body: json({
					items: [
						{ radicado: ctx.filed.radicado, pin: ctx.filed.pin === '000000' ? '111111' : '000000' }
					]
				})
			}),
			expect: { kind: 'grants-nothing' } as Expectation
		}))
];

// ---------------------------------------------------------------------------------------------
// Public content, search, health and sync (read-only)
// ---------------------------------------------------------------------------------------------

const getRow = (
	endpoint: string,
	attack: string,
	path: string,
	expect: Expectation,
	headers?: Record<string, string>
): HostileCase => ({ endpoint, attack, request: () => ({ method: 'GET', path, headers }), expect });

const CONTENT_LIST = 'GET /api/contenido/[type]';
const CONTENT_ITEM = 'GET /api/contenido/[type]/[slug]';
const SEARCH = 'GET /api/buscar';
const HEALTH = 'GET /api/salud';
const SYNC_ROOT = 'GET /api/sync';
const SYNC = '/api/sync/contenido/...';

const notFound: Expectation = { kind: 'api-error', status: 404, code: 'no_encontrado' };
const badType: Expectation = { kind: 'api-error', status: 400, code: 'tipo_invalido' };
const badId: Expectation = { kind: 'api-error', status: 400, code: 'id_invalido' };
const badQuery: Expectation = { kind: 'api-error', status: 400, code: 'consulta_invalida' };
const readOnly: Expectation = { kind: 'sync-error', status: 403, code: 'solo_lectura' };
const badSync: Expectation = { kind: 'sync-error', status: 400, code: 'consulta_invalida' };

const readCases: HostileCase[] = [
	// /api/contenido/[type]
	...Object.entries(PATH_TRAVERSALS).map(([name, value]) =>
		getRow(CONTENT_LIST, `traversal as type: ${name}`, `/api/contenido/${value}`, badType)
	),
	getRow(CONTENT_LIST, 'unknown type', '/api/contenido/usuarios', badType),
	getRow(
		CONTENT_LIST,
		'type with a Cyrillic look-alike letter',
		`/api/contenido/${encodeURIComponent('notіcia')}`,
		badType
	),
	getRow(CONTENT_LIST, 'type __proto__', '/api/contenido/__proto__', badType),
	getRow(CONTENT_LIST, 'type constructor', '/api/contenido/constructor', badType),
	getRow(
		CONTENT_LIST,
		'script as type',
		`/api/contenido/${encodeURIComponent(SCRIPTS['img onerror'])}`,
		badType
	),
	getRow(CONTENT_LIST, 'type of 5,000 characters', `/api/contenido/${'a'.repeat(5000)}`, badType),
	getRow(CONTENT_LIST, 'invalid percent-encoding', '/api/contenido/%E0%A4%A', {
		kind: 'api-error',
		status: 400
	}),
	...methodAttacks(CONTENT_LIST, '/api/contenido/noticia', ['POST', 'PUT', 'DELETE']),
	// /api/contenido/[type]/[slug]
	...Object.entries(PATH_TRAVERSALS).map(([name, value]) =>
		getRow(CONTENT_ITEM, `traversal as slug: ${name}`, `/api/contenido/noticia/${value}`, badId)
	),
	getRow(CONTENT_ITEM, 'slug with upper case', '/api/contenido/noticia/Hola', badId),
	getRow(
		CONTENT_ITEM,
		'slug with NFD accent',
		`/api/contenido/noticia/${encodeURIComponent('peticio\u0301n')}`,
		badId
	),
	getRow(
		CONTENT_ITEM,
		'slug with zero-width space',
		`/api/contenido/noticia/${encodeURIComponent('a\u200bb')}`,
		badId
	),
	getRow(
		CONTENT_ITEM,
		'slug with right-to-left override',
		`/api/contenido/noticia/${encodeURIComponent('a\u202eb')}`,
		badId
	),
	getRow(
		CONTENT_ITEM,
		'script as slug',
		`/api/contenido/noticia/${encodeURIComponent(SCRIPTS['script tag'])}`,
		badId
	),
	getRow(
		CONTENT_ITEM,
		'slug of 121 characters',
		`/api/contenido/noticia/${'a'.repeat(121)}`,
		badId
	),
	getRow(CONTENT_ITEM, 'unknown slug', '/api/contenido/noticia/no-existe-esta-noticia', notFound),
	getRow(
		CONTENT_ITEM,
		'a form slug under the wrong type',
		'/api/contenido/noticia/queja',
		notFound
	),
	...methodAttacks(CONTENT_ITEM, '/api/contenido/formulario/queja', [
		'POST',
		'PUT',
		'DELETE',
		'PATCH'
	]),
	getRow(CONTENT_ITEM, 'path deeper than the API', '/api/contenido/noticia/a/b', notFound),
	getRow('/api/*', 'unknown API path', '/api/usuarios', notFound),
	getRow('/api/*', 'traversal out of the API', '/api/..%2f..%2fetc%2fpasswd', notFound),
	// /api/buscar
	getRow(SEARCH, 'query over 200 characters', `/api/buscar?q=${'a'.repeat(201)}`, badQuery),
	getRow(SEARCH, 'NUL in the query', '/api/buscar?q=a%00b', badQuery),
	getRow(
		SEARCH,
		'lone surrogate in the query',
		`/api/buscar?q=${encodeURIComponent('a')}%ED%A0%80`,
		{ kind: 'grants-nothing' }
	),
	getRow(SEARCH, 'unknown type', '/api/buscar?q=a&tipo=usuarios', badQuery),
	getRow(SEARCH, 'limit 0', '/api/buscar?q=a&limite=0', badQuery),
	getRow(SEARCH, 'limit 1e9', '/api/buscar?q=a&limite=1000000000', badQuery),
	getRow(SEARCH, 'limit not a number', '/api/buscar?q=a&limite=abc', badQuery),
	getRow(SEARCH, 'limit fractional', '/api/buscar?q=a&limite=1.5', badQuery),
	getRow(
		SEARCH,
		'script in the query (answered as JSON data)',
		`/api/buscar?q=${encodeURIComponent(SCRIPTS['script tag'])}`,
		{ kind: 'grants-nothing' }
	),
	...methodAttacks(SEARCH, '/api/buscar', ['POST', 'DELETE']),
	// /api/salud
	getRow(
		HEALTH,
		'forged admin credentials change nothing',
		'/api/salud',
		{ kind: 'grants-nothing' },
		forgedCredentials('x'.repeat(20))['session cookie and forged bearer']
	),
	...methodAttacks(HEALTH, '/api/salud', ['POST', 'PUT', 'DELETE']),
	// /api/sync
	...methodAttacks(SYNC_ROOT, '/api/sync', ['POST', 'PUT', 'DELETE']),
	getRow(SYNC_ROOT, 'another database beside contenido', '/api/sync/solicitudes', notFound),
	getRow(SYNC_ROOT, 'the store admin database', '/api/sync/_users', notFound),
	// /api/sync/contenido/...
	...Object.entries(PATH_TRAVERSALS).map(([name, value]) =>
		getRow(
			SYNC,
			`traversal as document id: ${name}`,
			`/api/sync/contenido/${value}`,
			// `_local/…` is where devices look for checkpoints, which live on the device: 404.
			value.startsWith('_local')
				? { kind: 'sync-error', status: 404, code: 'no_encontrado' }
				: readOnly
		)
	),
	getRow(SYNC, '_all_docs', '/api/sync/contenido/_all_docs', readOnly),
	getRow(SYNC, '_design document', '/api/sync/contenido/_design/validation', readOnly),
	getRow(SYNC, '_security', '/api/sync/contenido/_security', readOnly),
	getRow(
		SYNC,
		'_changes with include_docs',
		'/api/sync/contenido/_changes?include_docs=true',
		badSync
	),
	getRow(
		SYNC,
		'_changes with a filter',
		'/api/sync/contenido/_changes?filter=_view&view=x',
		badSync
	),
	getRow(
		SYNC,
		'_changes with doc_ids',
		'/api/sync/contenido/_changes?doc_ids=%5B%22x%22%5D',
		badSync
	),
	getRow(SYNC, '_changes continuous feed', '/api/sync/contenido/_changes?feed=continuous', badSync),
	getRow(
		SYNC,
		'_changes eventsource feed',
		'/api/sync/contenido/_changes?feed=eventsource',
		badSync
	),
	getRow(SYNC, '_changes negative limit', '/api/sync/contenido/_changes?limit=-1', badSync),
	getRow(SYNC, '_changes huge limit', '/api/sync/contenido/_changes?limit=100000000', badSync),
	getRow(
		SYNC,
		'_changes long-poll for an hour',
		'/api/sync/contenido/_changes?feed=longpoll&timeout=3600000',
		badSync
	),
	getRow(
		SYNC,
		'_changes since of 201 characters',
		`/api/sync/contenido/_changes?since=${'1'.repeat(201)}`,
		badSync
	),
	getRow(
		SYNC,
		'_changes with a script as since',
		`/api/sync/contenido/_changes?since=${encodeURIComponent(SCRIPTS['script tag'])}&limit=x`,
		badSync
	),
	...['PUT', 'DELETE', 'PATCH'].map((method) => ({
		endpoint: SYNC,
		attack: `write method ${method} on a document`,
		request: () => ({
			method,
			path: '/api/sync/contenido/noticia:x',
			headers: withJson(),
			body: '{"_id":"noticia:x"}'
		}),
		expect: { kind: 'sync-error', status: 405, code: 'metodo_no_permitido' } as Expectation
	})),
	{
		endpoint: SYNC,
		attack: '_bulk_docs write',
		request: () => ({
			method: 'POST',
			path: '/api/sync/contenido/_bulk_docs',
			headers: withJson(),
			body: '{"docs":[{"_id":"noticia:x"}]}'
		}),
		expect: readOnly
	},
	{
		endpoint: SYNC,
		attack: '_revs_diff',
		request: () => ({
			method: 'POST',
			path: '/api/sync/contenido/_revs_diff',
			headers: withJson(),
			body: '{}'
		}),
		expect: readOnly
	},
	...jsonBodyAttacks({
		endpoint: `${SYNC} POST _bulk_get`,
		path: () => '/api/sync/contenido/_bulk_get',
		valid: () => ({ docs: [{ id: 'noticia:x' }] }),
		shape: 'sync',
		codes: {
			json: 'consulta_invalida',
			shape: 'consulta_invalida',
			tooLarge: 'demasiado_grande',
			contentType: 'tipo_contenido'
		},
		maxBytes: 512 * 1024
	}),
	...Object.entries(TRAVERSALS).map(([name, value]) => ({
		endpoint: `${SYNC} POST _bulk_get`,
		attack: `traversal as document id: ${name}`,
		request: () => ({
			method: 'POST',
			path: '/api/sync/contenido/_bulk_get',
			headers: withJson(),
			body: json({ docs: [{ id: decodeURIComponent(value) }] })
		}),
		expect: badSync
	})),
	{
		endpoint: `${SYNC} POST _bulk_get`,
		attack: '2,001 documents',
		request: () => ({
			method: 'POST',
			path: '/api/sync/contenido/_bulk_get',
			headers: withJson(),
			body: json({ docs: Array.from({ length: 2001 }, (_, i) => ({ id: `noticia:n${i}` })) })
		}),
		expect: badSync
	},
	{
		endpoint: `${SYNC} POST _bulk_get`,
		attack: 'unknown query parameter',
		request: () => ({
			method: 'POST',
			path: '/api/sync/contenido/_bulk_get?include_docs=true',
			headers: withJson(),
			body: json({ docs: [] })
		}),
		expect: badSync
	}
];

// ---------------------------------------------------------------------------------------------
// No-JavaScript form actions: /formularios/[slug] and /seguimiento
// ---------------------------------------------------------------------------------------------

const FORM = 'POST /formularios/[slug] (no JavaScript)';
const TRACK_FORM = 'POST /seguimiento (no JavaScript)';

function formData(fields: Record<string, string | Blob>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
}
/** What a browser without JavaScript sends for an anonymous petición. */
const anonymousPeticion = (over: Record<string, string | Blob> = {}) =>
	formData({
		id: crypto.randomUUID(),
		anonimo: 'si',
		campo_asunto: 'Arreglo del puente',
		campo_descripcion: 'El puente de la vereda está caído.',
		...over
	});
const formRow = (
	attack: string,
	body: () => FormData | string,
	expect: Expectation,
	opts: { slug?: string; headers?: Record<string, string> } = {}
): HostileCase => ({
	endpoint: FORM,
	attack,
	request: (ctx) => ({
		method: 'POST',
		path: `/formularios/${opts.slug ?? 'peticion-general'}`,
		headers: { accept: 'text/html', origin: ctx.origin, ...opts.headers },
		body: body()
	}),
	expect
});
const trackFormRow = (
	attack: string,
	fields: Record<string, string>,
	status: number,
	headers: Record<string, string> = {}
): HostileCase => ({
	endpoint: TRACK_FORM,
	attack,
	request: (ctx) => ({
		method: 'POST',
		path: '/seguimiento',
		headers: { accept: 'text/html', origin: ctx.origin, ...headers },
		body: formData(fields)
	}),
	expect: { kind: 'form-error', status }
});

const formCases: HostileCase[] = [
	...Object.entries(SCRIPTS).flatMap(([name, payload]) => [
		// Missing fields make the form come back with the answers echoed: escaped.
		formRow(
			`script echoed back in a form with errors: ${name}`,
			() => formData({ campo_asunto: payload, nombre: payload, direccion: payload }),
			{ kind: 'form-error', status: 400 }
		),
		formRow(
			`script filed as inert text: ${name}`,
			() => anonymousPeticion({ campo_descripcion: payload, campo_lugar: payload }),
			{ kind: 'form-filed-inert' }
		)
	]),
	formRow('missing every field', () => formData({}), { kind: 'form-error', status: 400 }),
	formRow('NUL in descripcion', () => anonymousPeticion({ campo_descripcion: UNICODE.NUL }), {
		kind: 'form-error',
		status: 400
	}),
	// A browser cannot send a lone surrogate in form data: it encodes it as U+FFFD, kept as text.
	formRow(
		'lone surrogate in descripcion (arrives as U+FFFD)',
		() => anonymousPeticion({ campo_descripcion: UNICODE['lone low surrogate'] }),
		{ kind: 'form-filed-inert' }
	),
	formRow(
		'invalid UTF-8 bytes in an urlencoded descripcion',
		() => 'anonimo=si&campo_asunto=Puente&campo_descripcion=%ED%A0%80%FF%00',
		{ kind: 'form-error', status: 400 },
		{ headers: { 'content-type': 'application/x-www-form-urlencoded' } }
	),
	formRow(
		'asunto over 150 characters',
		() => anonymousPeticion({ campo_asunto: UNICODE['long combining sequence'] }),
		{ kind: 'form-error', status: 400 }
	),
	formRow('id that is not a UUID', () => anonymousPeticion({ id: '../../_users' }), {
		kind: 'form-error',
		status: 400
	}),
	formRow(
		'attachment that claims PNG but is HTML',
		() =>
			anonymousPeticion({
				adjuntos: new File(['<html><script>window.__hostil=1</script>'], 'foto.png', {
					type: 'image/png'
				})
			}),
		{ kind: 'form-error', status: 400 }
	),
	formRow(
		'attachment of type text/html',
		() =>
			anonymousPeticion({
				adjuntos: new File(['<script>window.__hostil=1</script>'], 'a.html', { type: 'text/html' })
			}),
		{ kind: 'form-error', status: 400 }
	),
	formRow(
		'attachment with a right-to-left override in its name',
		() =>
			anonymousPeticion({
				adjuntos: new File([PNG], 'factura\u202egnp.exe', { type: 'image/png' })
			}),
		{ kind: 'form-error', status: 400 }
	),
	formRow(
		'attachment of 3 MB (limit 1.5 MB)',
		() =>
			anonymousPeticion({
				adjuntos: new File([new Uint8Array(3_000_000)], 'foto.png', { type: 'image/png' })
			}),
		{ kind: 'form-error', status: 400 }
	),
	formRow(
		'JSON instead of form data',
		() => JSON.stringify({ campo_asunto: 'x' }),
		{ kind: 'form-error', status: 415 },
		{ headers: { 'content-type': 'application/json' } }
	),
	...Object.entries(PATH_TRAVERSALS).map(([name, value]) =>
		formRow(
			`traversal as form slug: ${name}`,
			() => anonymousPeticion(),
			{ kind: 'form-error', status: 404 },
			{ slug: value }
		)
	),
	formRow(
		'unknown form slug',
		() => anonymousPeticion(),
		{ kind: 'form-error', status: 404 },
		{ slug: 'formulario-inexistente' }
	),
	formRow(
		'cross-site post',
		() => anonymousPeticion(),
		{ kind: 'form-error', status: 403 },
		{ headers: { origin: 'http://sitio-malicioso.example' } }
	),
	trackFormRow('script as radicado', { radicado: SCRIPTS['script tag'], pin: '123456' }, 400),
	trackFormRow(
		'attribute break-out as radicado',
		{ radicado: SCRIPTS['attribute break-out'], pin: '123456' },
		400
	),
	...Object.entries(TRAVERSALS).map(([name, value]) =>
		trackFormRow(`traversal as radicado: ${name}`, { radicado: value, pin: '123456' }, 400)
	),
	trackFormRow('NUL in the PIN', { radicado: 'PG-2026-000001', pin: '12345\u0000' }, 400),
	trackFormRow('fullwidth digits', { radicado: 'PG-２０２６-000001', pin: '123456' }, 400),
	trackFormRow('missing PIN', { radicado: 'PG-2026-000001' }, 400),
	trackFormRow(
		'well-formed but unknown radicado',
		{ radicado: 'PG-2026-999999', pin: '123456' },
		404
	),
	trackFormRow('random session cookie', { radicado: 'PG-2026-999998', pin: '123456' }, 404, {
		cookie: `ventanilla_sesion=${crypto.randomUUID()}`
	})
];

export const HOSTILE_CASES: HostileCase[] = [
	...filingCases,
	...trackingCases,
	...readCases,
	...formCases,
	...BACKOFFICE_JSON_ENDPOINTS.flatMap(jsonBodyAttacks),
	...BACKOFFICE_CASES
];
