/**
 * Texts of the error codes only officials meet (see `BACK_OFFICE_ERROR_CODES`), in the
 * reader's language; every other code falls back to the citizens' table.
 */
import { m } from '$lib/paraglide/messages';
import { BACK_OFFICE_ERROR_CODES, type BackOfficeErrorCode } from '$lib/errors';
import { errorText } from './error-text';

type Message = (inputs?: Record<string, never>, options?: { locale?: 'es' | 'en' }) => string;

export const BACK_OFFICE_ERROR_TEXT: Record<BackOfficeErrorCode, Message> = {
	sesion_requerida: m.error_sesion_requerida,
	credenciales_invalidas: m.error_credenciales_invalidas,
	evento_invalido: m.error_evento_invalido,
	usuario_destino_invalido: m.error_usuario_destino_invalido,
	dependencia_invalida: m.error_dependencia_invalida,
	misma_dependencia: m.error_misma_dependencia,
	documento_no_encontrado: m.error_documento_no_encontrado,
	sin_plazo: m.error_sin_plazo,
	ya_prorrogada: m.error_ya_prorrogada,
	termino_vencido: m.error_termino_vencido,
	fecha_no_posterior: m.error_fecha_no_posterior,
	excede_maximo: m.error_excede_maximo,
	fecha_no_habil: m.error_fecha_no_habil,
	solicitud_atendida: m.error_solicitud_atendida,
	ya_en_espera: m.error_ya_en_espera,
	fuera_de_plazo: m.error_fuera_de_plazo,
	plazo_no_cumplido: m.error_plazo_no_cumplido,
	ya_entregada: m.error_ya_entregada,
	fecha_fuera_de_rango: m.error_fecha_fuera_de_rango,
	no_es_carta: m.error_no_es_carta,
	conflicto: m.error_conflicto,
	estado_invalido: m.error_estado_invalido,
	borrador_pendiente: m.error_borrador_pendiente,
	ya_existe: m.error_ya_existe,
	referencia_invalida: m.error_referencia_invalida,
	falta_comentario: m.error_falta_comentario,
	usuario_existe: m.error_usuario_existe,
	usuario_no_encontrado: m.error_usuario_no_encontrado,
	falta_clave: m.error_falta_clave,
	falta_dependencia: m.error_falta_dependencia,
	ultimo_administrador: m.error_ultimo_administrador,
	falta_motivo: m.error_falta_motivo,
	ya_moderado: m.error_ya_moderado
};

const isBackOfficeCode = (code: string): code is BackOfficeErrorCode =>
	(BACK_OFFICE_ERROR_CODES as readonly string[]).includes(code);

/** Text for any code: officials' codes from this table, the rest from the citizens' one. */
export function backOfficeErrorText(code: string, locale?: 'es' | 'en'): string {
	return isBackOfficeCode(code)
		? BACK_OFFICE_ERROR_TEXT[code]({}, { locale })
		: errorText(code, locale);
}
