/**
 * Display texts of participation: kinds and statuses, and the text of every error code the
 * answer validator, the comment rules and the APIs produce.
 */
import { m } from '$lib/paraglide/messages';
import { errorText } from '$lib/i18n/error-text';
import type { ContentDocOf } from '$lib/schemas';

export const consultaKindLabel = (k: ContentDocOf<'consulta'>['kind']): string =>
	({ consulta: m.part_kind_consulta, encuesta: m.part_kind_encuesta })[k]();

export const proyectoStatusLabel = (s: ContentDocOf<'proyecto-acuerdo'>['status']): string =>
	({
		'en-estudio': m.part_status_en_estudio,
		aprobado: m.part_status_aprobado,
		archivado: m.part_status_archivado,
		retirado: m.part_status_retirado
	})[s]();

/** Field-level codes of answers and comments; request-level codes come from the catalogue. */
const FIELD_ERRORS: Record<string, () => string> = {
	falta_respuesta: m.part_err_falta_respuesta,
	opcion_invalida: m.part_err_opcion_invalida,
	fuera_de_escala: m.part_err_fuera_de_escala,
	demasiado_largo: m.part_err_demasiado_largo,
	tipo_invalido: m.part_err_tipo_invalido,
	caracteres_no_permitidos: m.part_err_caracteres,
	pregunta_desconocida: m.part_err_pregunta_desconocida,
	comentario_corto: m.part_err_comentario_corto,
	comentario_largo: m.part_err_comentario_largo,
	nombre_largo: m.part_err_nombre_largo,
	falta_consentimiento: m.part_err_falta_consentimiento
};

/**
 * The text of a participation error code in the reader's language: a field's problem, or any
 * code of the catalogue (`$lib/errors`), or a generic one.
 */
export const participationErrorText = (code: string | undefined): string =>
	(code ? FIELD_ERRORS[code] : undefined)?.() ?? errorText(code ?? 'error_interno');
