import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { initStore } from '$lib/server/store/init';
import { building } from '$app/environment';
import { readSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { ensureFirstAdmin } from '$lib/server/auth/users';

export const init: ServerInit = async () => {
	// Prerendering the offline shell needs no store.
	if (building) return;
	const { seeded } = await initStore();
	if (seeded) console.log(`Contenido inicial cargado: ${seeded} documentos`);
	const admin = await ensureFirstAdmin();
	if (admin) console.log(`Cuenta de administrador creada: ${admin}`);
};

const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(self), geolocation=(), microphone=()'
};

/** Back-office pages and APIs carry personal data: never stored by browsers or proxies. */
const isPrivatePath = (path: string) => /^\/(api\/)?gestion(\/|$)/.test(path);

export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		event.locals.user = await readSession(event.cookies.get(SESSION_COOKIE));
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
		if (isPrivatePath(event.url.pathname))
			response.headers.set('cache-control', 'private, no-store');
		for (const [k, v] of Object.entries(securityHeaders)) {
			if (!response.headers.has(k)) response.headers.set(k, v);
		}
		return response;
	});

export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error(error);
	return { message: 'Error interno', code: status === 404 ? 'no_encontrado' : 'error_interno' };
};
