/**
 * The text of an error code in the reader's language (`messages/`, `error_<code>`): the one
 * place the UI turns codes from the server, the queues and the pages into words. Officials'
 * codes live in `backoffice-error-text.ts`, so their strings never ship to citizens' pages.
 */
import { m } from '$lib/paraglide/messages';
import { isErrorCode, type CitizenErrorCode } from '$lib/errors';

type Message = (inputs?: Record<string, never>, options?: { locale?: 'es' | 'en' }) => string;

export const CITIZEN_ERROR_TEXT: Record<CitizenErrorCode, Message> = {
	no_encontrado: m.error_no_encontrado,
	metodo_no_permitido: m.error_metodo_no_permitido,
	tipo_contenido: m.error_tipo_contenido,
	demasiado_grande: m.error_demasiado_grande,
	json_invalido: m.error_json_invalido,
	consulta_invalida: m.error_consulta_invalida,
	tipo_invalido: m.error_tipo_invalido,
	id_invalido: m.error_id_invalido,
	solo_lectura: m.error_solo_lectura,
	solicitud_invalida: m.error_solicitud_invalida,
	almacen_no_disponible: m.error_almacen_no_disponible,
	error_interno: m.error_error_interno,
	demasiados_intentos: m.error_demasiados_intentos,
	servidor_ocupado: m.error_servidor_ocupado,
	muchas_consultas: m.error_muchas_consultas,
	sin_conexion: m.error_sin_conexion,
	error_red: m.error_error_red,
	formulario_no_encontrado: m.error_formulario_no_encontrado,
	adjunto_invalido: m.error_adjunto_invalido,
	adjunto_incompleto: m.error_adjunto_incompleto,
	trozo_invalido: m.error_trozo_invalido,
	adjuntos_en_espera_llenos: m.error_adjuntos_en_espera_llenos,
	conflicto_id: m.error_conflicto_id,
	radicado_no_disponible: m.error_radicado_no_disponible,
	seguimiento_invalido: m.error_seguimiento_invalido,
	radicado_invalido: m.error_radicado_invalido,
	prohibido: m.error_prohibido,
	sellado_invalido: m.error_sellado_invalido,
	no_es_kiosco: m.error_no_es_kiosco,
	codigo_invalido: m.error_codigo_invalido,
	respuesta_invalida: m.error_respuesta_invalida,
	ya_respondio: m.error_ya_respondio,
	consulta_cerrada: m.error_consulta_cerrada,
	comentario_invalido: m.error_comentario_invalido,
	comentarios_cerrados: m.error_comentarios_cerrados,
	falta_consentimiento: m.error_falta_consentimiento,
	no_en_espera: m.error_no_en_espera
};

/**
 * Text for `code`, or the generic "try again later" for anything this table does not know
 * (an officials' code, a code from a newer server).
 */
export function errorText(code: string, locale?: 'es' | 'en'): string {
	const text = isErrorCode(code) ? CITIZEN_ERROR_TEXT[code as CitizenErrorCode] : undefined;
	return (text ?? m.error_error_interno)({}, { locale });
}
