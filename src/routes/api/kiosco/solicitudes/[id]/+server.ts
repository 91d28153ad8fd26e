import { apiError, refusalResponse } from '$lib/server/http/api-error';
import { fileRequest } from '$lib/server/requests/file-request';
import { fileWithinAllowance } from '$lib/server/requests/filing-limit';
import { readBoundedBody } from '$lib/server/http/json-body';
import { noStoreJson, retryAfterHeader } from '$lib/server/http/responses';
import { filingFailure } from '$lib/server/requests/failures';
import { LIMITS } from '$lib/policy';
import { sealKeys } from '$lib/server/kiosk/keys';
import { unseal } from '$lib/server/kiosk/unseal';
import { SEAL_HEADERS } from '$lib/crypto/seal';
import type { RequestHandler } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Files a request a kiosk sealed (see `$lib/crypto/seal.ts`): opens it with the server's private
 * key, then files it exactly like `POST /api/solicitudes` — same schema, same checks, same
 * idempotency on the id (the same request sealed twice is the same request). No kiosk cookie is
 * needed: a kiosk revoked while it held queued requests must still deliver them, and the
 * envelope only opens with this server's key. A request can never claim a field capture here.
 */
export const POST: RequestHandler = async ({ request, params, locals, getClientAddress }) => {
	const id = params.id.toLowerCase();
	if (!UUID.test(id)) return apiError('sellado_invalido');
	if (request.headers.get('content-type')?.split(';')[0]?.trim() !== 'application/octet-stream') {
		return apiError('tipo_contenido');
	}
	// The ciphertext is the JSON's length plus the 16-byte tag.
	const body = await readBoundedBody(request, LIMITS.submissionBytes + 16);
	if (!body.ok) return body.response;
	try {
		const keys = await sealKeys();
		const opened = await unseal(
			{
				version: request.headers.get(SEAL_HEADERS.version),
				kid: request.headers.get(SEAL_HEADERS.kid),
				key: request.headers.get(SEAL_HEADERS.key),
				iv: request.headers.get(SEAL_HEADERS.iv),
				id,
				data: body.value
			},
			{ kid: keys.public.kid, privateKey: keys.privateKey }
		);
		if (!opened.ok) {
			return apiError('sellado_invalido');
		}
		const inner = opened.value as { id?: unknown; fieldCapture?: unknown } | null;
		if (!inner || typeof inner !== 'object' || inner.id !== id || inner.fieldCapture) {
			return apiError('sellado_invalido');
		}
		// The kiosk's own allowance when it still has its cookie, the address's otherwise.
		const filer = { user: null, kiosk: locals.kiosk, address: getClientAddress() };
		const outcome = await fileWithinAllowance(filer, () => fileRequest(inner, { kiosk: true }));
		if (outcome.ok) return noStoreJson(outcome.receipt, outcome.status);
		return refusalResponse(outcome, retryAfterHeader(outcome.retryAfter));
	} catch (e) {
		return filingFailure(e);
	}
};
