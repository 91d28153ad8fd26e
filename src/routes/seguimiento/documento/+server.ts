import { failWith } from '$lib/errors';
import { z } from 'zod';
import { openAnswerDocument } from '$lib/server/requests/answer-document';
import { TrackingRefused, withTrackingLookups } from '$lib/server/requests/tracking';
import type { RequestHandler } from './$types';

const fields = z.object({
	radicado: z.string().trim().toUpperCase().max(30),
	pin: z
		.string()
		.trim()
		.regex(/^\d{6}$/),
	documento: z.uuid()
});

const EXTENSION = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp'
} as const;

/**
 * The document of an answer, for the citizen who proves the request is theirs with radicado and
 * PIN: a plain form post (works without JavaScript, and the PIN never goes in an address).
 * Counts against the same per-address limit as tracking.
 */
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const parsed = fields.safeParse(
		Object.fromEntries(await request.formData().catch(() => new FormData()))
	);
	if (!parsed.success) failWith('seguimiento_invalido');
	const { radicado, pin, documento } = parsed.data;
	const found = await withTrackingLookups(getClientAddress(), 1, () =>
		openAnswerDocument(radicado, pin, documento)
	).catch((e: unknown) => {
		if (e instanceof TrackingRefused) failWith(e.code);
		throw e;
	});
	if (!found) failWith('no_encontrado', 'Documento no encontrado');
	return new Response(found.body, {
		headers: {
			'content-type': found.document.type,
			'content-disposition': `attachment; filename="respuesta-${radicado}.${EXTENSION[found.document.type]}"`,
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
