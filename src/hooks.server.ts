import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { LOADING_CLASS } from '$lib/data/hydration';
import { initStore } from '$lib/server/store/init';
import { startHousekeeping } from '$lib/server/store/housekeeping';
import { startNotificationDelivery } from '$lib/server/notify/notifications';
import { couch } from '$lib/server/couch';
import { seedParticipation } from '$lib/server/participation/seed';
import { building } from '$app/environment';
import { SESSION_COOKIE } from '$lib/server/auth/sessions';
import { readSession } from '$lib/server/auth/signed-in';
import { KIOSK_COOKIE, readKiosk } from '$lib/server/kiosk/kiosks';
import { ensureFirstAdmin, FirstAdminInvalid, listUsers } from '$lib/server/auth/users';
import { apiError } from '$lib/server/http/api-error';
import type { ErrorCode } from '$lib/errors';
import { isPrivatePath } from '$lib/policy';
import { browserKey } from '$lib/server/requests/resend';
import { bodyBytesOf, uploads } from '$lib/server/limits/upload-budget';
import { busyResponse } from '$lib/server/http/busy';
import { SECURITY_HEADERS } from '$lib/server/http/security-headers';
import { publishNodeMiddleware } from '$lib/server/http/node-middleware';
import { contentGateFastPath } from '$lib/server/couch/gate-fast-path';

// The busiest public answers, served by the app's Node server before a request reaches
// SvelteKit (see node-middleware.ts). `vite dev` has no such server: SvelteKit answers them.
publishNodeMiddleware(contentGateFastPath);

export const init: ServerInit = async () => {
	// Prerendering the offline shell needs no store.
	if (building) return;
	const { seeded } = await initStore(couch(), [seedParticipation]);
	if (seeded) console.log(`Contenido inicial cargado: ${seeded} documentos`);
	startHousekeeping();
	startNotificationDelivery();
	const admin = await ensureFirstAdmin().catch((e: unknown) => {
		if (!(e instanceof FirstAdminInvalid)) throw e;
		console.error(
			`No se creó el primer administrador: ${e.problems.join('; ')}. Corrija ADMIN_USUARIO / ADMIN_CLAVE y reinicie.`
		);
		return null;
	});
	if (admin) console.log(`Cuenta de administrador creada: ${admin}`);
	else if (!(await listUsers()).length) {
		console.log(
			'Gestión sin cuentas: inicie una vez con ADMIN_USUARIO y ADMIN_CLAVE para crear el primer administrador.'
		);
	}
};

/**
 * Back-office pages and APIs carry personal data: never stored by browsers or proxies. Decided
 * on the path's normalised spelling (`$lib/policy`), the same rule the page micro-cache, the
 * service worker and the kiosk reset apply: `/%67estion/…` is `/gestion/…`.
 */
function withHeaders(url: URL, response: Response): Response {
	if (isPrivatePath(url.pathname)) response.headers.set('cache-control', 'private, no-store');
	// Over HTTPS, browsers must never come back over plain HTTP (a proxy may set it too).
	if (url.protocol === 'https:' && !response.headers.has('strict-transport-security')) {
		response.headers.set('strict-transport-security', 'max-age=31536000');
	}
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) {
		if (!response.headers.has(k)) response.headers.set(k, v);
	}
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	// Large bodies wait their turn: their bytes in flight are capped per server.
	const release = uploads.reserve(bodyBytesOf(event.request));
	if (!release) {
		const path = event.url.pathname;
		return withHeaders(event.url, await busyResponse(event.request, path));
	}
	try {
		return await handleRequest({ event, resolve });
	} finally {
		release();
	}
};

const handleRequest: Handle = async ({ event, resolve }) => {
	event.locals.user = await readSession(event.cookies.get(SESSION_COOKIE));
	event.locals.kiosk = await readKiosk(event.cookies.get(KIOSK_COOKIE));
	const path = event.url.pathname;
	// A request form's page gives the browser its receipt key before the form is first posted.
	if (event.route.id === '/formularios/[slug]' && event.request.method === 'GET') {
		browserKey(event.cookies, event.url.protocol === 'https:');
	}
	// The JSON API has no localised HTML: skipping Paraglide's request clone saves measurable CPU
	// under a burst of syncing devices (bench server-load).
	if (path.startsWith('/api/')) {
		return withHeaders(event.url, await jsonApiErrors(await resolve(event)));
	}
	return paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		const response = await resolve(event, {
			// A kiosk's pages carry the kiosk look from the first paint (see app.css `.kiosco`).
			transformPageChunk: ({ html }) => {
				const out = html
					.replace('%paraglide.lang%', locale)
					.replace('%ventanilla.cargando%', loadingNotice(event.route.id, locale));
				return event.locals.kiosk ? out.replace('<html lang=', '<html class="kiosco" lang=') : out;
			}
		});
		// Stored pages say their language, so that the service worker does not show a page kept
		// in Spanish to someone who has just switched to English with no signal.
		if (response.headers.get('content-type')?.startsWith('text/html')) {
			response.headers.set('content-language', locale);
		}
		return withHeaders(event.url, response);
	});
};

/**
 * The officials' device pages are drawn on the device only (`ssr = false`): until their scripts
 * run, the server's page says it is loading instead of a blank screen (6 s on a throttled
 * tablet, UX review). The root layout removes it when the app starts.
 */
function loadingNotice(routeId: string | null, locale: Locale): string {
	if (!routeId?.startsWith('/trabajo')) return '';
	return `<p class="${LOADING_CLASS}" role="status">${m.work_loading({}, { locale })}</p>`;
}

export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error(error);
	return { message: 'Error interno', code: status === 404 ? 'no_encontrado' : 'error_interno' };
};

/** Codes of the errors SvelteKit itself produces (unknown path, wrong method). */
const FRAMEWORK_ERRORS: Record<number, ErrorCode> = {
	403: 'prohibido',
	404: 'no_encontrado',
	405: 'metodo_no_permitido',
	413: 'demasiado_grande',
	415: 'tipo_contenido'
};

/**
 * API clients always get `{ error: { code, message } }` in Spanish: errors that SvelteKit answers
 * itself with HTML or English text (a path no route matches, a method the route lacks) are
 * rewritten; the routes' own JSON errors pass untouched.
 */
async function jsonApiErrors(response: Response): Promise<Response> {
	if (response.status < 400) return response;
	if (response.headers.get('content-type')?.includes('application/json')) return response;
	await response.body?.cancel().catch(() => {});
	const code: ErrorCode =
		FRAMEWORK_ERRORS[response.status] ??
		(response.status >= 500 ? 'error_interno' : 'solicitud_invalida');
	const allow = response.headers.get('allow');
	return apiError(code, { headers: allow ? { allow } : undefined });
}
