import { json } from '@sveltejs/kit';

/** Error codes of the JSON API; the UI maps each to a Spanish message from messages/. */
export type ApiErrorCode =
	| 'no_encontrado'
	| 'tipo_invalido'
	| 'id_invalido'
	| 'solo_lectura'
	| 'metodo_no_permitido'
	| 'consulta_invalida'
	| 'almacen_no_disponible';

/** A JSON error response `{ error: { code, message } }` with a Spanish message. */
export function apiError(status: number, code: ApiErrorCode, message: string): Response {
	return json({ error: { code, message } }, { status });
}
