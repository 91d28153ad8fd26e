import { UPLOAD_PIECE_CHARS } from '$lib/policy';
import { refusal } from '$lib/errors';
import { apiError, refusalResponse } from '$lib/server/http/api-error';
import { readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, retryAfterHeader } from '$lib/server/http/responses';
import { rates } from '$lib/server/limits/rates';
import { filingFailure } from '$lib/server/requests/failures';
import {
	attachmentIdSchema,
	pieceNumberSchema,
	putPiece
} from '$lib/server/requests/staged-uploads';
import type { RequestHandler } from './$types';

/**
 * Stores piece `n` of an attachment sent ahead of its request (`{ data }`, base64): 200 with
 * `{ received: n + 1 }`; the same piece again is 200 too. Counted against the address's
 * allowance of pieces, except for a signed-in official. 503 `adjuntos_en_espera_llenos` when the
 * store holds all the pieces it may: the device then files with its attachments inline.
 */
export const PUT: RequestHandler = async ({ params, request, locals, getClientAddress }) => {
	const n = pieceNumberSchema.safeParse(params.n);
	if (!attachmentIdSchema.safeParse(params.id).success || !n.success) {
		return apiError('id_invalido');
	}
	const body = await readJsonBody(request, UPLOAD_PIECE_CHARS + 1024);
	if (!body.ok) return body.response;
	try {
		if (!locals.user) {
			const use = await rates().piecesByAddress.take(getClientAddress());
			if (use.wait) {
				return refusalResponse(refusal('demasiados_intentos'), retryAfterHeader(use.wait));
			}
		}
		const stored = await putPiece(params.id, n.data, body.value);
		return stored.ok ? noStoreJson({ received: n.data + 1 }) : refusalResponse(stored);
	} catch (e) {
		return filingFailure(e);
	}
};
