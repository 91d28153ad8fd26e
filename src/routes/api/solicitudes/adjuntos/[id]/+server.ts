import { UPLOAD_PIECE_CHARS } from '$lib/policy';
import { apiError } from '$lib/server/http/api-error';
import { noStoreJson } from '$lib/server/http/responses';
import { filingFailure } from '$lib/server/requests/failures';
import { attachmentIdSchema, piecesReceived } from '$lib/server/requests/staged-uploads';
import type { RequestHandler } from './$types';

/**
 * How many pieces of an attachment sent ahead the server holds, in a row from the first:
 * `{ received, pieceChars }`. A device whose upload was cut asks before sending the rest.
 */
export const GET: RequestHandler = async ({ params }) => {
	if (!attachmentIdSchema.safeParse(params.id).success) return apiError('id_invalido');
	try {
		const received = await piecesReceived(params.id);
		return noStoreJson({ received, pieceChars: UPLOAD_PIECE_CHARS });
	} catch (e) {
		return filingFailure(e);
	}
};
