import { eventInputSchema } from '$lib/schemas';
import { parseRadicado } from '$lib/domain/radicado';
import { apiError } from '$lib/server/http/api-error';
import { addEvent, checkAdmin } from '$lib/server/requests/admin';
import { issuesOf, readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import { isCleanText } from '$lib/domain/text';
import type { RequestHandler } from './$types';

/** An answer is at most 20,000 characters; escaped as JSON that stays well under 256 KB. */
const MAX_BODY_BYTES = 256 * 1024;

/** Adds a status change or an answer to the request with this radicado: 201 with the event. */
export const POST: RequestHandler = async ({ request, params }) => {
	const denied = checkAdmin(request);
	if (denied) return denied;
	if (!parseRadicado(params.radicado)) {
		return apiError(400, 'radicado_invalido', 'El radicado no tiene el formato PG-AAAA-NNNNNN.');
	}
	const body = await readJsonBody(request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const parsed = eventInputSchema.safeParse(body.value);
	if (!parsed.success) {
		return apiError(400, 'evento_invalido', 'El evento no tiene el formato esperado.', {
			issues: issuesOf(parsed.error)
		});
	}
	if (!isCleanText('text' in parsed.data ? parsed.data.text : '')) {
		return apiError(400, 'evento_invalido', 'El texto contiene caracteres no permitidos.', {
			issues: [{ path: 'text', code: 'caracteres_no_permitidos' }]
		});
	}
	try {
		const evento = await addEvent(params.radicado, parsed.data);
		if (!evento) return apiError(404, 'no_encontrado', 'No hay una solicitud con ese radicado.');
		const {
			_id,
			_rev: _r,
			type: _t,
			solicitud: _s,
			clientId: _c,
			recordedAt: _a,
			...shown
		} = evento;
		return noStoreJson({ id: _id, ...shown }, 201);
	} catch (e) {
		return storeFailure(e);
	}
};
