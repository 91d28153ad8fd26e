import { refusalResponse } from '$lib/server/http/api-error';
import { apiBusyResponse } from '$lib/server/http/busy';
import { fileWithinAllowance } from '$lib/server/requests/filing-limit';
import { fileRequest } from '$lib/server/requests/file-request';
import { parseJsonBytes, readJsonBytes } from '$lib/server/http/json-body';
import { filingTurns } from '$lib/server/requests/filing-turns';
import { noStoreJson, retryAfterHeader } from '$lib/server/http/responses';
import { filingFailure } from '$lib/server/requests/failures';
import { discardPieces, withUploadedAttachments } from '$lib/server/requests/staged-uploads';
import { LIMITS } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * Files a request from a device's outbox: 201 with `{ id, radicado, receivedAt, deadline }`,
 * 200 with the same receipt when the same request is sent again, 4xx with a code when it can
 * never be filed as sent, 5xx when the device should retry later. Attachments sent ahead in
 * pieces (`./adjuntos`) are put back in first: `409 adjunto_incompleto` names those missing
 * pieces, and the device sends the rest.
 */
export const POST: RequestHandler = async ({ request, locals, getClientAddress }) => {
	const bytes = await readJsonBytes(request, LIMITS.submissionBytes);
	if (!bytes.ok) return bytes.response;
	// Received whole; handled in arrival order, a few at a time (see filing-turns). A device that
	// hangs up while waiting still has its request filed: its next try gets the same receipt.
	const release = await filingTurns.take(request.signal);
	if (!release) return apiBusyResponse();
	try {
		const body = parseJsonBytes(bytes.value);
		if (!body.ok) return body.response;
		const whole = await withUploadedAttachments(body.value);
		if (!whole.ok) return refusalResponse(whole);
		const outcome = await fileWithinAllowance({ ...locals, address: getClientAddress() }, () =>
			fileRequest(whole.body, { capturer: locals.user })
		);
		if (outcome.ok) {
			// Filed (or filed before): its pieces are in the stored request now.
			void discardPieces(whole.uploaded).catch((e: unknown) => console.warn(e));
			return noStoreJson(outcome.receipt, outcome.status);
		}
		return refusalResponse(outcome, retryAfterHeader(outcome.retryAfter));
	} catch (e) {
		return filingFailure(e);
	} finally {
		release();
	}
};
