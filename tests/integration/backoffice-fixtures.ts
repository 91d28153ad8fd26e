/**
 * Accounts and requests the back-office integration tests share: one official per role, created
 * once through the real users page by the first administrator.
 */
import { expect, inject } from 'vitest';
import { BackOffice } from '../helpers/backoffice-client';

export const base = inject('baseUrl');
export const PASSWORD = 'clave-de-pruebas-9999';

export const STAFF = {
	gobierno: { roles: ['funcionario'], dependencia: 'secretaria-de-gobierno' },
	gobierno2: { roles: ['funcionario'], dependencia: 'secretaria-de-gobierno' },
	hacienda: { roles: ['funcionario'], dependencia: 'secretaria-de-hacienda' },
	campo: { roles: ['funcionario-campo'], dependencia: 'secretaria-de-gobierno' },
	editor: { roles: ['editor'] },
	comite: { roles: ['comite-gelt'] }
} as const;
export type StaffKey = keyof typeof STAFF;

/** `<key>.<suffix>` so test files do not collide on the shared server. */
export const username = (key: StaffKey, suffix: string) => `${key}.${suffix}`;

let adminSession: string | null = null;

/**
 * A client signed in as the first administrator. The session is reused while it is valid:
 * sign-ins are limited per account (10 a minute), and the test files together ask for the
 * administrator more often than that. A test that signs out gets a fresh session next time.
 */
export async function admin(): Promise<BackOffice> {
	if (adminSession) {
		const res = await fetch(`${base}/api/gestion/yo`, { headers: { cookie: adminSession } });
		await res.arrayBuffer();
		if (res.status === 200) return new BackOffice(base, adminSession);
	}
	const bo = new BackOffice(base);
	expect(await bo.signIn(inject('adminUser'), inject('adminPassword'))).toBe(303);
	adminSession = bo.cookie;
	return bo;
}

/**
 * Creates every STAFF account with `suffix` and returns a signed-in client per role, on the
 * shared server or, given an administrator's client, on that client's server. Sign-ins per
 * username are rate-limited (10, then one a minute) and the shared server has one
 * administrator, so a file that needs many can bring its own server (gestion-contenido.int.ts).
 */
export async function staff(
	suffix: string,
	adm?: BackOffice
): Promise<Record<StaffKey, BackOffice>> {
	adm ??= await admin();
	const out = {} as Record<StaffKey, BackOffice>;
	for (const [key, spec] of Object.entries(STAFF) as Array<[StaffKey, (typeof STAFF)[StaffKey]]>) {
		const res = await adm.action('/gestion/usuarios', {
			username: username(key, suffix),
			name: `Prueba ${key}`,
			roles: [...spec.roles],
			dependencia: 'dependencia' in spec ? spec.dependencia : '',
			password: PASSWORD
		});
		expect(res.type, JSON.stringify(res.data)).toBe('success');
		const bo = new BackOffice(adm.base);
		expect(await bo.signIn(username(key, suffix), PASSWORD)).toBe(303);
		out[key] = bo;
	}
	return out;
}

/** A citizen who files with name and document and accepts the data policy. */
export const IDENTIFIED = {
	anonymous: false,
	applicant: { name: 'Titular de Prueba', documentType: 'CC', documentNumber: '10203040' },
	consent: { accepted: true, policyVersion: '2026-11', acceptedAt: new Date().toISOString() }
};

/**
 * Files a request as a citizen, anonymously unless `who` says otherwise; `form` decides the
 * dependencia it is routed to.
 */
export async function fileRequest(
	form = 'peticion-general',
	values: Record<string, string> = {
		asunto: 'Vía en mal estado',
		descripcion: 'La vía a la vereda está intransitable.'
	},
	pin = '551903',
	who: Partial<Omit<typeof IDENTIFIED, 'applicant'>> & { applicant?: Record<string, string> } = {
		anonymous: true
	}
): Promise<{ id: string; radicado: string; pin: string }> {
	const res = await fetch(`${base}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			id: crypto.randomUUID(),
			form,
			capturedAt: new Date().toISOString(),
			...who,
			values,
			pin
		})
	});
	expect(res.status, await res.clone().text()).toBe(201);
	return { ...((await res.json()) as { id: string; radicado: string }), pin };
}

export async function track(radicado: string, pin: string) {
	const res = await fetch(`${base}/api/seguimiento`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items: [{ radicado, pin }] })
	});
	const body = (await res.json()) as { items: Array<Record<string, unknown> | null> };
	return body.items[0];
}
