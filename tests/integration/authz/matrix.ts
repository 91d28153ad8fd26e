/**
 * The authorisation matrix as data: principals (who asks), resources (what they ask for) and, for
 * every resource, the outcome each principal must get. `authz-matrix.int.ts` turns every
 * (resource, principal) pair into one test. A new route adds one `Resource` here with its full
 * row; the `Record<PrincipalKey, Outcome>` type makes a missing column a type error.
 */
import { expect } from 'vitest';
import { addBusinessDays, NATIONAL_CALENDAR } from '../../../src/lib/domain/business-days';
import type { Role } from '../../../src/lib/schemas/vocab';
import { previewAnswer } from '../../../src/lib/server/backoffice/answer-preview';

// ---------------------------------------------------------------------------------------------
// Principals
// ---------------------------------------------------------------------------------------------

export interface Principal {
	key: PrincipalKey;
	/** The official's account, created by the first administrator before the matrix runs. */
	account?: { username: string; roles: readonly Role[]; dependencia?: string };
}

/** The dependencia the shared request is routed to (the petición general's). */
export const DEPENDENCIA = 'secretaria-de-gobierno';
export const OTHER_DEPENDENCIA = 'secretaria-de-hacienda';

export const PRINCIPALS = [
	{ key: 'anonimo' },
	/** A citizen's device holding the request's radicado and PIN, and nothing else. */
	{ key: 'ciudadano' },
	{ key: 'administrador' },
	{ key: 'editor', account: { username: 'm.editor', roles: ['editor'] } },
	{ key: 'comite-gelt', account: { username: 'm.comite', roles: ['comite-gelt'] } },
	{
		key: 'funcionario',
		account: { username: 'm.gobierno', roles: ['funcionario'], dependencia: DEPENDENCIA }
	},
	{
		key: 'funcionario-otra-dependencia',
		account: { username: 'm.hacienda', roles: ['funcionario'], dependencia: OTHER_DEPENDENCIA }
	},
	/** The field official who captured the requests the matrix acts on. */
	{
		key: 'campo-captor',
		account: { username: 'm.campo1', roles: ['funcionario-campo'], dependencia: DEPENDENCIA }
	},
	/** A field official of the same dependencia who did not capture them. */
	{
		key: 'campo-otro',
		account: { username: 'm.campo2', roles: ['funcionario-campo'], dependencia: DEPENDENCIA }
	},
	/** A funcionario of the request's dependencia whose account was deactivated after sign-in. */
	{
		key: 'cuenta-desactivada',
		account: { username: 'm.desactivada', roles: ['funcionario'], dependencia: DEPENDENCIA }
	}
] as const satisfies ReadonlyArray<{ key: string; account?: Principal['account'] }>;

export type PrincipalKey = (typeof PRINCIPALS)[number]['key'];

/** The principals that have an account to create and sign in. */
export const ACCOUNTS = (PRINCIPALS as readonly Principal[]).filter(
	(p): p is Required<Principal> => !!p.account
);

// ---------------------------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------------------------

export type Outcome =
	/**
	 * The access is granted: one of `statuses` (303 only with `location`, e.g. back to the
	 * back office); with `sees`, whether the answer contains the shared request.
	 */
	| { kind: 'allowed'; statuses: number[]; location?: string; sees?: boolean }
	/** A page for someone without a session: 303 to `/gestion/ingresar`. */
	| { kind: 'sign-in' }
	/** Refused with this status (401, 403, 404, 405). */
	| { kind: 'refused'; status: number };

const OK: Outcome = { kind: 'allowed', statuses: [200] };
const CREATED: Outcome = { kind: 'allowed', statuses: [201] };
/** 200 and the shared request is in the answer. */
const SEES: Outcome = { kind: 'allowed', statuses: [200], sees: true };
/** 200 but the shared request is not in the answer: a list scoped to what this role may see. */
const BLIND: Outcome = { kind: 'allowed', statuses: [200], sees: false };
const TO_BACK_OFFICE: Outcome = { kind: 'allowed', statuses: [303], location: '/gestion' };
const SIGN_IN: Outcome = { kind: 'sign-in' };
const R401: Outcome = { kind: 'refused', status: 401 };
const R403: Outcome = { kind: 'refused', status: 403 };
const R404: Outcome = { kind: 'refused', status: 404 };
const R405: Outcome = { kind: 'refused', status: 405 };

export function outcomeLabel(o: Outcome): string {
	if (o.kind === 'sign-in') return 'sign-in redirect';
	if (o.kind === 'refused') return `refused ${o.status}`;
	const seen = o.sees === undefined ? '' : o.sees ? ', sees the request' : ', request hidden';
	return `allowed ${o.statuses.join('/')}${o.location ? ` → ${o.location}` : ''}${seen}`;
}

type Row = Record<PrincipalKey, Outcome>;
type Officials = Omit<Row, 'anonimo' | 'ciudadano' | 'cuenta-desactivada'>;

/** Pages: everyone without a valid session goes to the sign-in page. */
const page = (officials: Officials): Row => ({
	anonimo: SIGN_IN,
	ciudadano: SIGN_IN,
	'cuenta-desactivada': SIGN_IN,
	...officials
});
/** Back-office APIs: everyone without a valid session gets 401. */
const api = (officials: Officials): Row => ({
	anonimo: R401,
	ciudadano: R401,
	'cuenta-desactivada': R401,
	...officials
});
const everyone = (o: Outcome): Row => Object.fromEntries(PRINCIPALS.map((p) => [p.key, o])) as Row;

/** Officials who may open the inbox; the request-scoped outcomes follow the scope rules. */
const inboxScoped = (seen: Outcome, hidden: Outcome): Officials => ({
	administrador: seen,
	editor: R403,
	'comite-gelt': R403,
	funcionario: seen,
	'funcionario-otra-dependencia': hidden,
	'campo-captor': seen,
	'campo-otro': hidden
});
/** 400: the form is refused after the access check passed (nothing is stored). */
const INVALID: Outcome = { kind: 'allowed', statuses: [400] };
const everyOfficial = (o: Outcome): Officials => ({
	administrador: o,
	editor: o,
	'comite-gelt': o,
	funcionario: o,
	'funcionario-otra-dependencia': o,
	'campo-captor': o,
	'campo-otro': o
});
const adminOnly: Officials = {
	administrador: OK,
	editor: R403,
	'comite-gelt': R403,
	funcionario: R403,
	'funcionario-otra-dependencia': R403,
	'campo-captor': R403,
	'campo-otro': R403
};

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

/** A request filed by the field official, with one attachment. */
export interface Filed {
	id: string;
	radicado: string;
	pin: string;
	attachmentId: string;
	/** For the extension cell: the latest legal new due date. */
	dueDate?: string;
}

/**
 * A consulta open for answers and a proposal open to comments, published by the suite's set-up
 * as copies of the seed items with dates around today (the seed's own dates pass).
 */
export const OPEN_CONSULTA = 'matriz-consulta-abierta';
export const OPEN_PROYECTO = 'matriz-proyecto-abierto';

export interface MatrixContext {
	base: string;
	adminUser: string;
	/** An account only the users' actions change. */
	dummyUser: string;
	/** The request every read-only cell looks at; nothing in the matrix changes it. */
	shared: Filed;
	/** A fresh request for the cell that may change it (set by the resource's `before`). */
	target: Filed;
	api(
		who: PrincipalKey,
		method: string,
		path: string,
		body?: unknown
	): Promise<{ status: number; body: Record<string, unknown> }>;
	/** A back-office page's HTML as the administrator sees it. */
	adminPage(path: string): Promise<string>;
}

export type MatrixRequest =
	| { kind: 'page'; path: string; headers?: Record<string, string> }
	| { kind: 'action'; path: string; form: Record<string, string>; headers?: Record<string, string> }
	| {
			kind: 'api';
			method: string;
			path: string;
			body?: unknown;
			headers?: Record<string, string>;
	  };

export interface Actual {
	status: number;
	location: string | null;
	text: string;
}

export interface Resource {
	name: string;
	request(ctx: MatrixContext, who: PrincipalKey): MatrixRequest;
	expect: Row;
	/** Whether an answer reveals the shared request (for `sees` outcomes). */
	reveals?(ctx: MatrixContext, actual: Actual): boolean;
	before?(ctx: MatrixContext, who: PrincipalKey): Promise<void>;
	/** Checks after the answer, e.g. that a refused change stored nothing. */
	after?(ctx: MatrixContext, who: PrincipalKey, outcome: Outcome): Promise<void>;
}

export interface Cell {
	resource: Resource;
	principal: PrincipalKey;
	outcome: Outcome;
}

const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52
]);
const PIN = '204816';
/** A vereda only the shared request names, so the inbox can be filtered down to it. */
export const VEREDA = 'Vereda Matriz de Autorización';

/** A field capture's body, as the field official's device sends it. */
export function captureBody(attachmentId = crypto.randomUUID()) {
	return {
		id: crypto.randomUUID(),
		form: 'peticion-general',
		capturedAt: new Date(Date.now() - 3_600_000).toISOString(),
		anonymous: false,
		applicant: {
			name: 'Rosa Campesina',
			documentType: 'CC',
			documentNumber: '1122334455',
			vereda: VEREDA
		},
		consent: { accepted: true, policyVersion: '2026-11', acceptedAt: new Date().toISOString() },
		values: { asunto: 'Puente caído', descripcion: 'El puente de la quebrada se cayó.' },
		pin: PIN,
		fieldCapture: { consentReadAloud: true },
		attachments: [
			{
				id: attachmentId,
				name: 'foto-del-puente.png',
				type: 'image/png',
				size: PNG.length,
				data: Buffer.from(PNG).toString('base64')
			}
		]
	};
}

/** Files a request captured by `campo-captor` and returns its handles. */
export async function capture(ctx: MatrixContext): Promise<Filed> {
	const attachmentId = crypto.randomUUID();
	const body = captureBody(attachmentId);
	const res = await ctx.api('campo-captor', 'POST', '/api/solicitudes', body);
	expect(res.status, JSON.stringify(res.body)).toBe(201);
	return { id: body.id, radicado: String(res.body.radicado), pin: PIN, attachmentId };
}

/** Events stored for `req`, as the administrator's replica lists them. */
async function eventsOf(ctx: MatrixContext, req: Filed): Promise<number> {
	const res = await ctx.api('administrador', 'GET', '/api/gestion/replica');
	const docs = res.body.docs as Array<{ id: string }>;
	return docs.filter((d) => d.id.startsWith('evento:') && d.id.includes(req.id)).length;
}

/** A fresh request per cell; afterwards exactly one event if allowed, none if refused. */
const changesTarget = {
	async before(ctx: MatrixContext) {
		ctx.target = await capture(ctx);
	},
	async after(ctx: MatrixContext, _who: PrincipalKey, outcome: Outcome) {
		expect(await eventsOf(ctx, ctx.target)).toBe(outcome.kind === 'allowed' ? 1 : 0);
	}
};

/** The form actions of a request's page: what each sends, with a fresh `clientId`. */
const REQUEST_ACTIONS: Record<string, (ctx: MatrixContext) => Record<string, string>> = {
	// Confirmed as after its preview: the key is the preview's, over what the citizen reads.
	responder: () => {
		const answer = { text: 'Se programó el arreglo del puente.', status: 'respondida' } as const;
		const { key } = previewAnswer({ kind: 'respuesta', ...answer });
		return { ...answer, paso: 'enviar', revisada: key };
	},
	asignar: () => ({ assignee: 'm.gobierno' }),
	trasladar: () => ({ dependencia: OTHER_DEPENDENCIA, text: 'Lo atiende Hacienda.' }),
	prorrogar: (ctx) => ({ dueDate: ctx.target.dueDate ?? '', text: 'Se requiere visita técnica.' }),
	nota: () => ({ text: 'Visitar la vereda el martes.' }),
	estado: () => ({ status: 'en-tramite', text: 'En revisión.' })
};

/** The latest legal new due date of `req` (double the term), from the citizen's view. */
async function extensionDate(ctx: MatrixContext, req: Filed): Promise<string> {
	const res = await ctx.api('ciudadano', 'POST', '/api/seguimiento', {
		items: [{ radicado: req.radicado, pin: req.pin }]
	});
	const view = (res.body.items as Array<{ deadline: Record<string, unknown> }>)[0]!;
	const { receivedDate, businessDays } = view.deadline as {
		receivedDate: string;
		businessDays: number;
	};
	return addBusinessDays(receivedDate, 2 * businessDays, NATIONAL_CALENDAR);
}

const requestActionRows: Resource[] = Object.keys(REQUEST_ACTIONS).map((name) => ({
	name: `POST /gestion/solicitudes/[radicado]?/${name}`,
	async before(ctx: MatrixContext) {
		await changesTarget.before(ctx);
		if (name === 'prorrogar') ctx.target.dueDate = await extensionDate(ctx, ctx.target);
	},
	after: changesTarget.after,
	request: (ctx) => ({
		kind: 'action',
		path: `/gestion/solicitudes/${ctx.target.radicado}?/${name}`,
		form: {
			clientId: crypto.randomUUID(),
			...REQUEST_ACTIONS[name]!(ctx)
		}
	}),
	expect: page({
		administrador: OK,
		editor: R403,
		'comite-gelt': R403,
		funcionario: OK,
		'funcionario-otra-dependencia': R404,
		// A field official collects; on the requests they captured they may only add notes.
		'campo-captor': name === 'nota' ? OK : R403,
		'campo-otro': R404
	})
}));

/** Whether a JSON or HTML answer mentions the shared request. */
const mentionsShared = (ctx: MatrixContext, a: Actual) =>
	a.text.includes(ctx.shared.radicado) || a.text.includes(ctx.shared.id);

const pageRows: Resource[] = [
	{
		name: 'GET /gestion',
		request: () => ({ kind: 'page', path: '/gestion' }),
		expect: page({
			administrador: OK,
			editor: OK,
			'comite-gelt': OK,
			funcionario: OK,
			'funcionario-otra-dependencia': OK,
			'campo-captor': OK,
			'campo-otro': OK
		})
	},
	{
		name: 'GET /gestion/ingresar',
		request: () => ({ kind: 'page', path: '/gestion/ingresar' }),
		expect: {
			anonimo: OK,
			ciudadano: OK,
			'cuenta-desactivada': OK,
			administrador: TO_BACK_OFFICE,
			editor: TO_BACK_OFFICE,
			'comite-gelt': TO_BACK_OFFICE,
			funcionario: TO_BACK_OFFICE,
			'funcionario-otra-dependencia': TO_BACK_OFFICE,
			'campo-captor': TO_BACK_OFFICE,
			'campo-otro': TO_BACK_OFFICE
		}
	},
	{
		name: 'GET /gestion/bandeja (filtered to the shared request)',
		request: () => ({
			kind: 'page',
			path: `/gestion/bandeja?vereda=${encodeURIComponent(VEREDA)}`
		}),
		reveals: (ctx, a) => a.text.includes(`/gestion/solicitudes/${ctx.shared.radicado}"`),
		expect: page(inboxScoped(SEES, BLIND))
	},
	{
		name: 'GET /gestion/usuarios',
		request: () => ({ kind: 'page', path: '/gestion/usuarios' }),
		expect: page(adminOnly)
	},
	{
		name: 'GET /gestion/usuarios/[username]',
		request: (ctx) => ({ kind: 'page', path: `/gestion/usuarios/${ctx.adminUser}` }),
		expect: page(adminOnly)
	},
	{
		name: 'GET /gestion/numeros-no-utilizados',
		request: () => ({ kind: 'page', path: '/gestion/numeros-no-utilizados' }),
		expect: page(adminOnly)
	},
	{
		// A number in use: the administrator is let in and told it needs no justification.
		name: 'POST /gestion/numeros-no-utilizados?/justificar',
		request: (ctx) => ({
			kind: 'action',
			path: '/gestion/numeros-no-utilizados?/justificar',
			form: {
				radicado: ctx.shared.radicado,
				reason: 'Justificación de prueba de la matriz de permisos.'
			}
		}),
		expect: page({ ...adminOnly, administrador: { kind: 'allowed', statuses: [409] } })
	},
	{
		name: 'GET /gestion/solicitudes/[radicado]',
		request: (ctx) => ({ kind: 'page', path: `/gestion/solicitudes/${ctx.shared.radicado}` }),
		expect: page(inboxScoped(OK, R404))
	},
	{
		name: 'GET /gestion/solicitudes/[radicado] (unknown radicado)',
		request: () => ({ kind: 'page', path: '/gestion/solicitudes/PG-2026-999999' }),
		expect: page(inboxScoped(R404, R404))
	},
	{
		name: 'GET /gestion/solicitudes/[radicado]/adjuntos/[id]',
		request: (ctx) => ({
			kind: 'page',
			path: `/gestion/solicitudes/${ctx.shared.radicado}/adjuntos/${ctx.shared.attachmentId}`
		}),
		expect: page(inboxScoped(OK, R404))
	}
];

/** The account administrators change in the matrix (created before it runs, never signed in). */
export const DUMMY_USER = 'm.cuenta-de-prueba';

const accountRows: Resource[] = [
	{
		name: 'POST /gestion/usuarios (create an account)',
		request: (_ctx, who) => ({
			kind: 'action',
			path: '/gestion/usuarios',
			form: {
				username: `m.nueva.${who}`,
				name: 'Cuenta nueva',
				roles: 'administrador',
				password: 'clave-de-la-cuenta-nueva-1'
			}
		}),
		async after(ctx, who, outcome) {
			const html = await ctx.adminPage('/gestion/usuarios');
			expect(html.includes(`m.nueva.${who}`)).toBe(outcome.kind === 'allowed');
		},
		expect: page(adminOnly)
	},
	{
		name: 'POST /gestion/usuarios/[username] (change an account)',
		request: (ctx, who) => ({
			kind: 'action',
			path: `/gestion/usuarios/${ctx.dummyUser}`,
			form: {
				name: `Cambiada por ${who}`,
				roles: 'administrador',
				dependencia: '',
				active: 'on'
			}
		}),
		async after(ctx, who, outcome) {
			const html = await ctx.adminPage(`/gestion/usuarios/${ctx.dummyUser}`);
			expect(html.includes(`Cambiada por ${who}`)).toBe(outcome.kind === 'allowed');
		},
		expect: page(adminOnly)
	},
	{
		name: 'POST /gestion/usuarios/[username]/sesiones (end every session of an account)',
		request: (ctx) => ({
			kind: 'action',
			path: `/gestion/usuarios/${ctx.dummyUser}/sesiones`,
			form: {}
		}),
		expect: page({
			...adminOnly,
			administrador: {
				kind: 'allowed',
				statuses: [303],
				location: `/gestion/usuarios/${DUMMY_USER}?sesiones=0`
			}
		})
	},
	// Every official's own account page: their sessions and their password.
	{
		name: 'GET /gestion/cuenta',
		request: () => ({ kind: 'page', path: '/gestion/cuenta' }),
		expect: page(everyOfficial(OK))
	},
	{
		name: 'POST /gestion/cuenta?/sesiones (end my other sessions)',
		request: () => ({ kind: 'action', path: '/gestion/cuenta?/sesiones', form: {} }),
		expect: page(everyOfficial(OK))
	},
	{
		// A wrong current password: refused by the form, the password unchanged.
		name: 'POST /gestion/cuenta?/clave (change my password)',
		request: () => ({
			kind: 'action',
			path: '/gestion/cuenta?/clave',
			form: {
				actual: 'no-es-la-clave',
				nueva: 'clave-nueva-matriz-01',
				repetida: 'clave-nueva-matriz-01'
			}
		}),
		expect: page(everyOfficial(INVALID))
	}
];

const backOfficeApiRows: Resource[] = [
	{
		name: 'GET /api/gestion/yo',
		request: () => ({ kind: 'api', method: 'GET', path: '/api/gestion/yo' }),
		expect: api({
			administrador: OK,
			editor: OK,
			'comite-gelt': OK,
			funcionario: OK,
			'funcionario-otra-dependencia': OK,
			'campo-captor': OK,
			'campo-otro': OK
		})
	},
	{
		name: 'GET /api/gestion/replica',
		request: () => ({ kind: 'api', method: 'GET', path: '/api/gestion/replica' }),
		reveals: mentionsShared,
		expect: api(inboxScoped(SEES, BLIND))
	},
	{
		name: 'POST /api/gestion/replica/_bulk_get',
		request: (ctx) => ({
			kind: 'api',
			method: 'POST',
			path: '/api/gestion/replica/_bulk_get',
			body: { docs: [{ id: `solicitud:${ctx.shared.id}` }] }
		}),
		// The id is in the answer either way; the document (its radicado) only when visible.
		reveals: (ctx, a) => a.text.includes(ctx.shared.radicado),
		expect: api(inboxScoped(SEES, BLIND))
	},
	{
		name: 'POST /api/gestion/eventos (a note)',
		...changesTarget,
		request: (ctx) => ({
			kind: 'api',
			method: 'POST',
			path: '/api/gestion/eventos',
			body: {
				clientId: crypto.randomUUID(),
				radicado: ctx.target.radicado,
				at: new Date().toISOString(),
				event: { kind: 'nota', text: 'Visitar la vereda.' }
			}
		}),
		expect: api(inboxScoped(CREATED, R404))
	},
	{
		name: 'POST /api/gestion/eventos (an answer)',
		...changesTarget,
		request: (ctx) => ({
			kind: 'api',
			method: 'POST',
			path: '/api/gestion/eventos',
			body: {
				clientId: crypto.randomUUID(),
				radicado: ctx.target.radicado,
				at: new Date().toISOString(),
				event: { kind: 'respuesta', status: 'respondida', text: 'Respondida en la vereda.' }
			}
		}),
		expect: api({ ...inboxScoped(CREATED, R404), 'campo-captor': R403 })
	},
	{
		name: 'POST /api/solicitudes (a citizen filing)',
		request: () => ({
			kind: 'api',
			method: 'POST',
			path: '/api/solicitudes',
			body: {
				id: crypto.randomUUID(),
				form: 'peticion-general',
				capturedAt: new Date().toISOString(),
				anonymous: true,
				values: { asunto: 'Vía en mal estado', descripcion: 'La vía está intransitable.' },
				pin: '551903'
			}
		}),
		expect: everyone(CREATED)
	},
	{
		name: 'PUT /api/solicitudes/adjuntos/[id]/[n] (a piece of a photo sent ahead)',
		request: () => ({
			kind: 'api',
			method: 'PUT',
			path: `/api/solicitudes/adjuntos/${crypto.randomUUID()}/0`,
			body: { data: '/9j/4AAQ' }
		}),
		expect: everyone(OK)
	},
	{
		name: 'GET /api/solicitudes/adjuntos/[id] (pieces received)',
		request: () => ({
			kind: 'api',
			method: 'GET',
			path: `/api/solicitudes/adjuntos/${crypto.randomUUID()}`
		}),
		expect: everyone(OK)
	},
	{
		name: 'POST /api/solicitudes (a field capture)',
		request: () => ({ kind: 'api', method: 'POST', path: '/api/solicitudes', body: captureBody() }),
		expect: api({
			administrador: CREATED,
			editor: R403,
			'comite-gelt': R403,
			funcionario: R403,
			'funcionario-otra-dependencia': R403,
			'campo-captor': CREATED,
			'campo-otro': CREATED
		})
	}
];

const CONTENT_DOC = 'sitio:sitio';
const syncRows: Resource[] = [
	{
		name: 'GET /api/sync',
		request: () => ({ kind: 'api', method: 'GET', path: '/api/sync' }),
		expect: everyone(OK)
	},
	{
		name: 'GET /api/sync/contenido/_changes',
		request: () => ({ kind: 'api', method: 'GET', path: '/api/sync/contenido/_changes' }),
		expect: everyone(OK)
	},
	{
		name: 'POST /api/sync/contenido/_bulk_get',
		request: () => ({
			kind: 'api',
			method: 'POST',
			path: '/api/sync/contenido/_bulk_get',
			body: { docs: [{ id: CONTENT_DOC }] }
		}),
		expect: everyone(OK)
	},
	{
		name: 'POST /api/sync/contenido/_bulk_docs (write)',
		request: () => ({
			kind: 'api',
			method: 'POST',
			path: '/api/sync/contenido/_bulk_docs',
			body: { docs: [{ _id: 'pagina:intrusa', type: 'pagina', title: 'Intrusa' }] }
		}),
		expect: everyone(R403)
	},
	{
		name: 'POST /api/sync/contenido (write a new document)',
		request: () => ({
			kind: 'api',
			method: 'POST',
			path: '/api/sync/contenido',
			body: { _id: 'pagina:intrusa', type: 'pagina', title: 'Intrusa' }
		}),
		expect: everyone(R403)
	},
	{
		name: 'PUT /api/sync/contenido/[id] (overwrite)',
		request: () => ({
			kind: 'api',
			method: 'PUT',
			path: `/api/sync/contenido/${encodeURIComponent(CONTENT_DOC)}`,
			body: { _id: CONTENT_DOC, title: 'Intrusa' }
		}),
		expect: everyone(R405)
	},
	{
		name: 'DELETE /api/sync/contenido/[id]',
		request: () => ({
			kind: 'api',
			method: 'DELETE',
			path: `/api/sync/contenido/${encodeURIComponent(CONTENT_DOC)}?rev=1-x`
		}),
		expect: everyone(R405)
	}
];

const trackingRows: Resource[] = [
	{
		name: 'POST /api/seguimiento (radicado + PIN)',
		// Only the citizen holds the PIN; everyone else's credentials do not stand in for it.
		request: (ctx, who) => ({
			kind: 'api',
			method: 'POST',
			path: '/api/seguimiento',
			body: {
				items: [
					{ radicado: ctx.shared.radicado, pin: who === 'ciudadano' ? ctx.shared.pin : '000000' }
				]
			}
		}),
		reveals: (_ctx, a) => (JSON.parse(a.text) as { items: unknown[] }).items[0] !== null,
		expect: { ...everyone(BLIND), ciudadano: SEES }
	}
];

/**
 * Content editing (`/gestion/contenido/**`, `/gestion/vencimientos`): rows go here when those
 * routes land, e.g. `page({ administrador: OK, editor: OK, 'comite-gelt': R403, … })` for the
 * editor's list and one row per form action. Kept empty on purpose until then.
 */
const contentRows: Resource[] = [];

/** Kiosks (#5): managed by administrators; the kiosk API holds nothing a session unlocks. */
const kioskRows: Resource[] = [
	{
		name: 'GET /gestion/kioscos',
		request: () => ({ kind: 'page', path: '/gestion/kioscos' }),
		expect: page(adminOnly)
	},
	{
		name: 'POST /gestion/kioscos?/registrar (register a kiosk)',
		request: (_ctx, who) => ({
			kind: 'action',
			path: '/gestion/kioscos?/registrar',
			form: { name: `Kiosco de ${who}`, place: 'Alcaldía' }
		}),
		async after(ctx, who, outcome) {
			const html = await ctx.adminPage('/gestion/kioscos');
			expect(html.includes(`Kiosco de ${who}`)).toBe(outcome.kind === 'allowed');
		},
		expect: page(adminOnly)
	},
	{
		name: 'GET /api/kiosco/clave (public key)',
		request: () => ({ kind: 'api', method: 'GET', path: '/api/kiosco/clave' }),
		expect: everyone(OK)
	},
	{
		name: 'GET /api/kiosco/yo (no principal is a kiosk)',
		request: () => ({ kind: 'api', method: 'GET', path: '/api/kiosco/yo' }),
		expect: everyone(R404)
	},
	{
		name: 'POST /api/kiosco/solicitudes/[id] (an envelope that is not sealed)',
		request: () => ({
			kind: 'api',
			method: 'POST',
			path: `/api/kiosco/solicitudes/${crypto.randomUUID()}`,
			body: { anonymous: true },
			headers: { 'content-type': 'application/octet-stream' }
		}),
		expect: everyone({ kind: 'refused', status: 400 })
	}
];

/** Editors and administrators (`contenido.publicar`); every other official is refused. */
const publishers = (allowed: Outcome): Officials => ({
	administrador: allowed,
	editor: allowed,
	'comite-gelt': R403,
	funcionario: R403,
	'funcionario-otra-dependencia': R403,
	'campo-captor': R403,
	'campo-otro': R403
});

/**
 * The GEL-T plan (`/gestion/plan/**`) belongs to the committee: `plan.gestionar` (comité GEL-T,
 * administrador). Editors and funcionarios are refused, also through the generic content editor.
 */
const PLAN_ACTIVITY = 'pqrsd-en-linea'; // responsible: the funcionario's own dependencia
const PLAN_MEETING = 'reunion-comite-gel-t-2026-06';
const committeeOnly = (allowed: Outcome): Officials => ({
	administrador: allowed,
	editor: R403,
	'comite-gelt': allowed,
	funcionario: R403,
	'funcionario-otra-dependencia': R403,
	'campo-captor': R403,
	'campo-otro': R403
});

/** Participation (#5): live counts of consultas, comment moderation, citizens' endpoints. */
const participationRows: Resource[] = [
	{
		name: 'GET /gestion/consultas',
		request: () => ({ kind: 'page', path: '/gestion/consultas' }),
		expect: page(publishers(OK))
	},
	{
		name: 'GET /gestion/comentarios',
		request: () => ({ kind: 'page', path: '/gestion/comentarios' }),
		expect: page(publishers(OK))
	},
	{
		name: 'POST /gestion/comentarios?/aprobar (a pending comment)',
		async before(ctx) {
			ctx.target = { ...ctx.target, id: crypto.randomUUID() };
			const res = await ctx.api('anonimo', 'POST', '/api/concejo/comentarios', {
				id: ctx.target.id,
				proyecto: OPEN_PROYECTO,
				text: 'Comentario de la matriz de autorización.'
			});
			expect(res.status, JSON.stringify(res.body)).toBe(201);
		},
		request: (ctx) => ({
			kind: 'action',
			path: '/gestion/comentarios?/aprobar',
			form: { proyecto: OPEN_PROYECTO, clientId: ctx.target.id }
		}),
		async after(ctx, _who, outcome) {
			const res = await ctx.api(
				'anonimo',
				'GET',
				`/api/concejo/proyectos/${OPEN_PROYECTO}/comentarios`
			);
			const items = res.body.items as Array<{ id: string }>;
			expect(items.some((c) => c.id === ctx.target.id)).toBe(outcome.kind === 'allowed');
		},
		expect: page(publishers(OK))
	},
	{
		name: 'POST /api/consultas/[slug]/respuestas (a citizen answering)',
		request: () => ({
			kind: 'api',
			method: 'POST',
			path: `/api/consultas/${OPEN_CONSULTA}/respuestas`,
			body: {
				id: crypto.randomUUID(),
				deviceKey: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'),
				answers: { prioridad: 'puentes', 'estado-actual': 2 }
			}
		}),
		expect: everyone(CREATED)
	},
	{
		name: 'GET /api/consultas/[slug]/resultados',
		request: () => ({
			kind: 'api',
			method: 'GET',
			path: '/api/consultas/encuesta-canales-de-atencion-2026/resultados'
		}),
		expect: everyone(OK)
	}
];

/**
 * The new-trámite pipeline (#5): every back-office account may propose and read its own
 * proposals; only `plan.gestionar` (committee, administrator) decides. The decision cells act
 * on an id no proposal has, so nothing changes: the committee gets 404, everyone else is refused
 * before the proposal is even looked up.
 */
const UNKNOWN_PROPOSAL = '00000000-0000-4000-8000-000000000000';
const proposalRows: Resource[] = [
	{
		name: 'GET /gestion/propuestas',
		request: () => ({ kind: 'page', path: '/gestion/propuestas' }),
		expect: page(everyOfficial(OK))
	},
	{
		name: 'GET /gestion/propuestas/nueva',
		request: () => ({ kind: 'page', path: '/gestion/propuestas/nueva' }),
		expect: page(everyOfficial(OK))
	},
	...['aprobar', 'rechazar', 'devolver'].map((action): Resource => ({
		name: `POST /gestion/propuestas/[id]?/${action}`,
		request: () => ({
			kind: 'action',
			path: `/gestion/propuestas/${UNKNOWN_PROPOSAL}?/${action}`,
			form: { version: '1-x', comment: 'Motivo' }
		}),
		expect: page({
			...everyOfficial(R403),
			administrador: R404,
			'comite-gelt': R404
		})
	}))
];

const planRows: Resource[] = [
	...[
		'/gestion/plan',
		'/gestion/plan/reuniones',
		'/gestion/plan/reuniones/nueva',
		`/gestion/plan/reuniones/${PLAN_MEETING}`,
		'/gestion/plan/actividades/nueva',
		`/gestion/plan/actividades/${PLAN_ACTIVITY}`
	].map((path): Resource => ({
		name: `GET ${path}`,
		request: () => ({ kind: 'page', path }),
		expect: page(committeeOnly(OK))
	})),
	{
		name: 'POST /gestion/plan/actividades/[slug]?/guardar (invalid progress)',
		request: () => ({
			kind: 'action',
			path: `/gestion/plan/actividades/${PLAN_ACTIVITY}?/guardar`,
			form: {
				version: 'p:1-x',
				title: 'Intento',
				line: 'manejo-eficiente-de-la-pagina-web',
				phase: 'interaccion',
				owner: 'Secretario(a) de Gobierno',
				responsible: DEPENDENCIA,
				start: '2026-03-02',
				due: '2026-09-30',
				status: 'en-curso',
				progress: '150'
			}
		}),
		expect: page(committeeOnly(INVALID))
	},
	{
		name: 'POST /gestion/plan/reuniones/[slug]?/guardar (no attendees)',
		request: () => ({
			kind: 'action',
			path: `/gestion/plan/reuniones/${PLAN_MEETING}?/guardar`,
			form: { version: 'p:1-x', title: 'Intento', date: '2026-06-18', place: 'Despacho' }
		}),
		expect: page(committeeOnly(INVALID))
	},
	{
		// The generic editor does not open plan items for anyone: editors may not change them and
		// the committee edits them in /gestion/plan.
		name: 'GET /gestion/contenido/actividad-gelt/[slug]',
		request: () => ({ kind: 'page', path: `/gestion/contenido/actividad-gelt/${PLAN_ACTIVITY}` }),
		expect: page({ ...committeeOnly(R403), administrador: OK })
	},
	{
		name: 'POST /gestion/contenido/actividad-gelt/[slug]?/publicar',
		request: () => ({
			kind: 'action',
			path: `/gestion/contenido/actividad-gelt/${PLAN_ACTIVITY}?/publicar`,
			form: { version: 'p:1-x' }
		}),
		// The administrator holds plan.gestionar; with no draft there is nothing to publish.
		expect: page({ ...committeeOnly(R403), administrador: { kind: 'refused', status: 409 } })
	},
	{
		name: 'GET /gestion/contenido/actividad-gelt/nuevo',
		request: () => ({ kind: 'page', path: '/gestion/contenido/actividad-gelt/nuevo' }),
		expect: page({
			...committeeOnly(R403),
			administrador: R404,
			editor: R404,
			funcionario: R404,
			'funcionario-otra-dependencia': R404
		})
	}
];

export const MATRIX: Resource[] = [
	...pageRows,
	...requestActionRows,
	...accountRows,
	...backOfficeApiRows,

	...syncRows,
	...trackingRows,
	...contentRows,
	...kioskRows,
	...participationRows,
	...proposalRows,
	...planRows
];
