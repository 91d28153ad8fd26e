/**
 * Labels of the content workflow for the back office: content types, draft states, the
 * "done" notices and the refusals, from the message catalogues.
 */
import { backOfficeErrorText } from '$lib/i18n/backoffice-error-text';
import { m } from '$lib/paraglide/messages';
import type { ContentType } from '$lib/schemas';

export const contentTypeLabel = (t: ContentType): string =>
	({
		sitio: m.ed_type_sitio,
		pagina: m.ed_type_pagina,
		dependencia: m.ed_type_dependencia,
		institucion: m.ed_type_institucion,
		noticia: m.ed_type_noticia,
		norma: m.ed_type_norma,
		tramite: m.ed_type_tramite,
		transparencia: m.ed_type_transparencia,
		'sesion-concejo': m.ed_type_sesion_concejo,
		formulario: m.ed_type_formulario,
		'linea-gelt': m.ed_type_linea_gelt,
		'actividad-gelt': m.ed_type_actividad_gelt,
		'reunion-gelt': m.ed_type_reunion_gelt,
		consulta: m.part_type_consulta,
		'proyecto-acuerdo': m.part_type_proyecto_acuerdo
	})[t]();

export type RowState = 'publicado' | 'borrador' | 'en-revision';

export const stateLabel = (s: RowState): string =>
	({
		publicado: m.ed_state_publicado,
		borrador: m.ed_state_borrador,
		'en-revision': m.ed_state_en_revision
	})[s]();

export const stateTone = (s: RowState) =>
	({ publicado: 'ok', borrador: 'warn', 'en-revision': '' })[s];

/** The text of a workflow refusal: the catalogue's (`$lib/errors`), in the reader's language. */
export const refusalText = (code: string): string => backOfficeErrorText(code);

const done: Record<string, () => string> = {
	guardado: m.ed_done_guardado,
	enviado: m.ed_done_enviado,
	devuelto: m.ed_done_devuelto,
	publicado: m.ed_done_publicado,
	descartado: m.ed_done_descartado,
	restaurado: m.ed_done_restaurado,
	retirada: m.ed_done_retirada
};
export const doneText = (code: string | null): string | null =>
	code ? (done[code]?.() ?? null) : null;
