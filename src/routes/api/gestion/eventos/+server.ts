import { queuedActionSchema } from '$lib/schemas';
import { apiError } from '$lib/server/http/api-error';
import { apiUser } from '$lib/server/auth/guard';
import { actOnRequest, type ActionRefusal } from '$lib/server/backoffice/request-actions';
import { issuesOf, readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import { isCleanText } from '$lib/domain/text';
import type { RequestHandler } from './$types';

const REFUSALS: Record<ActionRefusal, [number, string]> = {
	no_encontrado: [404, 'La solicitud no existe o no está a su cargo.'],
	prohibido: [403, 'Su rol no permite esta acción.'],
	conflicto_id: [409, 'Ya se registró otra acción con este identificador.'],
	fecha_invalida: [400, 'La fecha de la acción no es válida.'],
	usuario_destino_invalido: [
		400,
		'Ese funcionario no existe, está inactivo o no atiende solicitudes.'
	],
	dependencia_invalida: [400, 'Esa dependencia no existe.'],
	misma_dependencia: [409, 'La solicitud ya está en esa dependencia.'],
	sin_plazo: [409, 'Esta solicitud no tiene un plazo legal en días hábiles.'],
	ya_prorrogada: [409, 'Esta solicitud ya tuvo una prórroga.'],
	termino_vencido: [409, 'El término ya venció: la prórroga debía informarse antes.'],
	fecha_no_posterior: [400, 'La nueva fecha debe ser posterior al vencimiento actual.'],
	excede_doble: [400, 'La nueva fecha supera el doble del término inicial.'],
	fecha_no_habil: [400, 'La nueva fecha debe ser un día hábil.'],
	solicitud_atendida: [409, 'La solicitud ya fue atendida.']
};

/**
 * An action an official took on their device, maybe offline: 201 when stored, 200 when the same
 * action (same `clientId`) was stored before, 4xx with a code when it can never be stored.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const { user, refusal } = apiUser(locals, 'solicitudes.bandeja');
	if (refusal) return refusal;
	const body = await readJsonBody(request, 256 * 1024);
	if (!body.ok) return body.response;
	const parsed = queuedActionSchema.safeParse(body.value);
	if (!parsed.success) {
		return apiError(400, 'evento_invalido', 'La acción no tiene el formato esperado.', {
			issues: issuesOf(parsed.error)
		});
	}
	const { clientId, radicado, at, event } = parsed.data;
	if ('text' in event && !isCleanText(event.text)) {
		return apiError(400, 'evento_invalido', 'El texto contiene caracteres no permitidos.', {
			issues: [{ path: 'event.text', code: 'caracteres_no_permitidos' }]
		});
	}
	try {
		const result = await actOnRequest(user, radicado, event, { clientId, at: new Date(at) });
		if (result.ok) return noStoreJson(result.event, result.created ? 201 : 200);
		const [status, message] = REFUSALS[result.refusal];
		return apiError(status, 'accion_invalida', message, {
			refusal: result.refusal,
			...(result.maxDueDate ? { maxDueDate: result.maxDueDate } : {})
		});
	} catch (e) {
		return storeFailure(e);
	}
};
