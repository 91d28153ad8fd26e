/**
 * Display texts of participation: kinds and statuses, and the Spanish text of every error
 * code the answer validator, the comment rules and the APIs produce.
 */
import { m } from '$lib/paraglide/messages';
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

const ERRORS: Record<string, () => string> = {
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
	falta_consentimiento: m.part_err_falta_consentimiento,
	ya_respondio: m.part_err_ya_respondio,
	consulta_cerrada: m.part_err_consulta_cerrada,
	comentarios_cerrados: m.part_err_comentarios_cerrados,
	demasiados_intentos: m.part_err_demasiados_intentos,
	no_encontrado: m.part_err_no_encontrado
};

/** The Spanish text of a participation error code (a generic one for unknown codes). */
export const participationErrorText = (code: string | undefined): string =>
	(code ? ERRORS[code] : undefined)?.() ?? m.part_err_otro();
