/**
 * Request bodies read with a hard size bound before anything is parsed, and Zod issues turned
 * into `{ path, code }` that never echo what the client sent.
 */
import type { z } from 'zod';
import { apiError } from './api-error';

/** True for `application/json`, optionally with `charset=utf-8` (any case, any spacing). */
export function isJsonContentType(header: string | null): boolean {
	if (!header) return false;
	const [type = '', ...params] = header.split(';').map((p) => p.trim().toLowerCase());
	if (type !== 'application/json') return false;
	return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * 413. With `close`, the body was not read to its end: the connection is closed after the
 * answer, or the unread bytes would be taken for the next request on a kept-alive socket.
 */
const tooLarge = (maxBytes: number, close = false) =>
	apiError('demasiado_grande', { headers: close ? { connection: 'close' } : undefined });

/**
 * Reads a JSON body of at most `maxBytes`: checks the content type (415), the declared length
 * and the bytes actually received (413), UTF-8 and JSON syntax (400). Nothing is parsed until
 * the whole body is known to be within the bound.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
	const bytes = await readJsonBytes(request, maxBytes);
	return bytes.ok ? parseJsonBytes(bytes.value) : bytes;
}

/**
 * The first half of `readJsonBody`: the content type and the bounded bytes, not yet decoded (a
 * caller may wait for its turn between the upload and the work: `$lib/server/limits/turns`).
 */
export async function readJsonBytes(
	request: Request,
	maxBytes: number
): Promise<{ ok: true; value: Uint8Array<ArrayBuffer> } | { ok: false; response: Response }> {
	if (!isJsonContentType(request.headers.get('content-type'))) {
		return { ok: false, response: apiError('tipo_contenido') };
	}
	return readBoundedBody(request, maxBytes);
}

/** The second half of `readJsonBody`: UTF-8 and JSON syntax (400). */
export function parseJsonBytes(bytes: Uint8Array): BodyResult {
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, response: apiError('json_invalido') };
	}
}

/**
 * Reads a body of at most `maxBytes`, whatever its type: checks the declared length and the
 * bytes actually received (413). Used for JSON and for sealed kiosk requests (binary).
 */
export async function readBoundedBody(
	request: Request,
	maxBytes: number
): Promise<{ ok: true; value: Uint8Array<ArrayBuffer> } | { ok: false; response: Response }> {
	// A body declared far too large is refused unread; one a little too large is drained below,
	// so the client (still sending) reliably gets the 413 and the socket stays usable.
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (Number.isFinite(declared) && declared > 2 * maxBytes) {
		return { ok: false, response: tooLarge(maxBytes, true) };
	}
	const chunks: Uint8Array[] = [];
	let total = 0;
	let over = Number.isFinite(declared) && declared > maxBytes;
	if (request.body) {
		const reader = request.body.getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) break;
				total += value.byteLength;
				if (over || total > maxBytes) {
					over = true;
					// Keep draining (bounded by the server's own limit) instead of cancelling:
					// cancelling destroys the socket and the client would never see the 413.
					if (total > 2 * maxBytes) {
						await reader.cancel().catch(() => {});
						return { ok: false, response: tooLarge(maxBytes, true) };
					}
					continue;
				}
				chunks.push(value);
			}
		} catch (e) {
			// adapter-node errors the stream with status 413 past BODY_SIZE_LIMIT.
			const status = (e as { status?: unknown }).status;
			if (over || status === 413) return { ok: false, response: tooLarge(maxBytes) };
			return {
				ok: false,
				response: apiError('json_invalido')
			};
		}
	}
	if (over) return { ok: false, response: tooLarge(maxBytes) };
	return { ok: true, value: new Uint8Array(Buffer.concat(chunks)) };
}

/** A path segment is echoed only if it is a plain identifier or an index, never free text. */
function safeSegment(segment: PropertyKey): string {
	if (typeof segment === 'number') return String(segment);
	if (typeof segment === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,39}$/.test(segment)) return segment;
	return '*';
}

/** Zod issues as `{ path, code }`: where and what kind, never the offending value. */
export function issuesOf(error: z.ZodError): Array<{ path: string; code: string }> {
	return error.issues.slice(0, 50).map((i) => ({
		path: i.path.map(safeSegment).join('.'),
		code: i.code
	}));
}
