/**
 * A small HTTP client for the back office in integration tests: sign in, read pages, and post
 * forms the way a browser does (with an Origin header), reading SvelteKit's JSON action results.
 */
import * as devalue from 'devalue';
import { startServer, type RunningServer } from './app-server.js';

export interface PageResult {
	status: number;
	location: string | null;
	html: string;
}

export interface ActionResult {
	/** HTTP status of the action (the JSON envelope's, not the transport's). */
	status: number;
	type: 'success' | 'failure' | 'redirect' | 'error';
	data: Record<string, unknown> | undefined;
	location?: string;
}

export class BackOffice {
	constructor(
		readonly base: string,
		public cookie: string | null = null
	) {}

	/** Signs in; returns the action's status (303 on success) and keeps the session cookie. */
	async signIn(username: string, password: string): Promise<number> {
		const res = await fetch(`${this.base}/gestion/ingresar`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: this.base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ usuario: username, clave: password })
		});
		const set = res.headers.get('set-cookie');
		const m = set && /ventanilla_sesion=([^;]+)/.exec(set);
		if (m?.[1]) this.cookie = `ventanilla_sesion=${m[1]}`;
		await res.arrayBuffer();
		return res.status;
	}

	async page(path: string): Promise<PageResult> {
		const res = await fetch(`${this.base}${path}`, {
			redirect: 'manual',
			headers: { accept: 'text/html', ...(this.cookie ? { cookie: this.cookie } : {}) }
		});
		return { status: res.status, location: res.headers.get('location'), html: await res.text() };
	}

	/** Posts a form action (`path` may include `?/name`) and decodes the JSON action result. */
	async action(path: string, fields: Record<string, string | string[]>): Promise<ActionResult> {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(fields)) {
			for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
		}
		const res = await fetch(`${this.base}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: this.base,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded',
				...(this.cookie ? { cookie: this.cookie } : {})
			},
			body
		});
		const json = (await res.json()) as {
			type: ActionResult['type'];
			status: number;
			data?: string;
			location?: string;
		};
		return {
			status: json.status ?? res.status,
			type: json.type,
			data: json.data ? (devalue.parse(json.data) as Record<string, unknown>) : undefined,
			location: json.location
		};
	}

	/**
	 * Answers a request the way an official does: "Revisar respuesta" first, then "Confirmar y
	 * enviar" with the key of the preview. Returns the preview's result when it already failed.
	 */
	async answer(radicado: string, fields: Record<string, string>): Promise<ActionResult> {
		const path = `/gestion/solicitudes/${radicado}?/responder`;
		const reviewed = await this.action(path, { clientId: crypto.randomUUID(), ...fields });
		const preview = reviewed.data?.preview as { key: string } | undefined;
		if (reviewed.type !== 'success' || !preview) return reviewed;
		return this.action(path, {
			clientId: crypto.randomUUID(),
			...fields,
			paso: 'enviar',
			revisada: preview.key
		});
	}

	/**
	 * Records an action through the events API, as an official's device syncs it: the response's
	 * status and body (the stored event, with its outgoing number if it has one).
	 */
	async event(
		radicado: string,
		event: { kind: string; text: string },
		clientId: string = crypto.randomUUID()
	): Promise<{ status: number; body: { outgoing?: string } & Record<string, unknown> }> {
		const res = await fetch(`${this.base}/api/gestion/eventos`, {
			method: 'POST',
			headers: { cookie: this.cookie ?? '', 'content-type': 'application/json' },
			body: JSON.stringify({ clientId, radicado, at: new Date().toISOString(), event })
		});
		return { status: res.status, body: (await res.json()) as { outgoing?: string } };
	}

	async signOut(): Promise<void> {
		await this.action('/gestion/salir', {});
	}
}

/**
 * A server of the test file's own, whose first administrator is `admin`, with that
 * administrator signed in: for suites that sign in often, exhaust a per-process limit on purpose
 * or need settings of their own (`env`).
 */
export async function ownServerWithAdmin(
	admin: { username: string; password: string },
	env: Record<string, string> = {}
): Promise<{ server: RunningServer; adm: BackOffice }> {
	const server = await startServer({
		env: {
			ADMIN_USUARIO: admin.username,
			ADMIN_CLAVE: admin.password,
			LOGIN_ATTEMPTS_PER_MINUTE: '10000',
			RATE_LIMIT_FACTOR: '1000',
			...env
		}
	});
	const adm = new BackOffice(server.url);
	const status = await adm.signIn(admin.username, admin.password);
	if (status !== 303) throw new Error(`El administrador no pudo ingresar: ${status}`);
	return { server, adm };
}
