import { json } from '@sveltejs/kit';

/** Error codes of the JSON API; the UI maps each to a Spanish message from messages/. */
export type ApiErrorCode =
	| 'no_encontrado'
	| 'tipo_invalido'
	| 'id_invalido'
	| 'solo_lectura'
	| 'metodo_no_permitido'
	| 'consulta_invalida'
	| 'almacen_no_disponible'
	// Requests (PQRSD and trámites): filing and tracking.
	| 'tipo_contenido'
	| 'demasiado_grande'
	| 'json_invalido'
	| 'solicitud_invalida'
	| 'formulario_no_encontrado'
	| 'adjunto_invalido'
	| 'conflicto_id'
	| 'radicado_no_disponible'
	| 'seguimiento_invalido'
	| 'demasiados_intentos'
	| 'radicado_invalido'
	| 'evento_invalido'
	// Back office.
	| 'sesion_requerida'
	| 'prohibido'
	| 'credenciales_invalidas'
	| 'accion_invalida'
	| 'error_interno'
	// Kiosks.
	| 'sellado_invalido'
	| 'no_es_kiosco'
	// Participation: answers to consultas and comments on proyectos de acuerdo.
	| 'respuesta_invalida'
	| 'ya_respondio'
	| 'consulta_cerrada'
	| 'comentario_invalido'
	| 'comentarios_cerrados'
	| 'falta_consentimiento';

/**
 * A JSON error response `{ error: { code, message, detail? } }` with a Spanish message. `detail`
 * is machine-readable (paths and codes, never the client's values).
 */
export function apiError(
	status: number,
	code: ApiErrorCode,
	message: string,
	detail?: unknown,
	headers?: Record<string, string>
): Response {
	return json(
		{ error: detail === undefined ? { code, message } : { code, message, detail } },
		{ status, headers }
	);
}
