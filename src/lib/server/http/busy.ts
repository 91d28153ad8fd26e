/**
 * The answer when this server's upload budget is full (`$lib/server/limits/upload-budget`):
 * 503 with Retry-After, as a JSON error for the API (the device's queue retries it) and as a
 * short page in the visitor's language for a form posted without JavaScript. The body is read
 * and thrown away first: answering before a large upload ends makes many clients report a
 * broken connection instead of the answer, and thrown-away bytes cost no memory.
 */
import { LIMITS } from '$lib/policy';
import { m } from '$lib/paraglide/messages';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { apiError } from './api-error';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function discardBody(request: Request): Promise<void> {
	const reader = request.body?.getReader();
	if (!reader) return;
	try {
		for (let read = 0; read <= LIMITS.bodyBytes;) {
			const { done, value } = await reader.read();
			if (done) return;
			read += value.byteLength;
		}
		await reader.cancel();
	} catch {
		// The client went away, or the server's own body limit ended the stream.
	}
}

const busyHeaders = () => ({
	'retry-after': String(LIMITS.uploadRetryAfterS),
	'cache-control': 'no-store'
});

/** The API's 503 `servidor_ocupado`, for a request whose body has been read already. */
export const apiBusyResponse = (): Response =>
	apiError('servidor_ocupado', { headers: busyHeaders() });

export async function busyResponse(request: Request, path: string): Promise<Response> {
	await discardBody(request);
	if (path.startsWith('/api/')) return apiBusyResponse();
	const headers = busyHeaders();
	const locale = extractLocaleFromRequest(request);
	const title = escapeHtml(m.busy_title({}, { locale }));
	const text = escapeHtml(m.busy_text({}, { locale }));
	const back = escapeHtml(m.busy_back({}, { locale }));
	const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="${escapeHtml(path)}">${back}</a></p></main></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}
