import { m } from '$lib/paraglide/messages';
import type { FormIssue } from './form-result';
import type { FieldErrorCode } from '../schemas/vocab';
import type { SubmissionError } from './validate';

/** The text of every form error code, in the page's language. */
const TEXT: Record<FieldErrorCode | SubmissionError, () => string> = {
	requerido: m.form_error_requerido,
	muy_largo: m.form_error_muy_largo,
	correo_invalido: m.form_error_correo_invalido,
	telefono_invalido: m.form_error_telefono_invalido,
	numero_invalido: m.form_error_numero_invalido,
	fecha_invalida: m.form_error_fecha_invalida,
	opcion_invalida: m.form_error_opcion_invalida,
	tipo_invalido: m.form_error_tipo_invalido,
	documento_invalido: m.form_error_documento_invalido,
	muy_corto: m.form_error_muy_corto,
	fuera_de_rango: m.form_error_fuera_de_rango,
	demasiados: m.form_error_demasiados,
	formato_invalido: m.form_error_formato_invalido,
	caracteres_no_permitidos: m.form_error_caracteres_no_permitidos,
	enlace_invalido: m.form_error_enlace_invalido,
	antes_del_inicio: m.form_error_antes_del_inicio,
	avance_incompleto: m.form_error_avance_incompleto,
	identificador_repetido: m.form_error_identificador_repetido,
	faltan_opciones: m.form_error_faltan_opciones,
	opciones_no_admitidas: m.form_error_opciones_no_admitidas,
	largo_no_admitido: m.form_error_largo_no_admitido,
	sensible_obligatorio: m.form_error_sensible_obligatorio,
	falta_destino_formulario: m.form_error_falta_destino_formulario,
	direccion_reservada: m.form_error_direccion_reservada,
	yaml_invalido: m.form_error_yaml_invalido,
	yaml_no_es_lista: m.form_error_yaml_no_es_lista,
	campo_propio: m.form_error_campo_propio,
	pdf_muy_grande: m.form_error_pdf_muy_grande,
	no_es_pdf: m.form_error_no_es_pdf,
	documento_grande: m.bo_document_too_big,
	documento_tipo: m.bo_document_type,
	campo_desconocido: m.form_error_campo_desconocido,
	anonimo_no_permitido: m.form_error_anonimo_no_permitido,
	faltan_datos_personales: m.form_error_faltan_datos_personales,
	falta_consentimiento: m.form_error_falta_consentimiento,
	demasiados_adjuntos: m.form_error_demasiados_adjuntos,
	falta_adjunto: m.form_error_falta_adjunto
};

/** Spanish (or English) text of a form error code; an unknown code reads as "not valid". */
export function errorText(code: FieldErrorCode | SubmissionError | string): string {
	return (Object.hasOwn(TEXT, code) ? TEXT[code as FieldErrorCode] : m.form_error_tipo_invalido)();
}

/** The text of a form issue: its code's, with the line and column where it has them. */
export function issueText(issue: Pick<FormIssue, 'code' | 'at'>): string {
	return issue.code === 'yaml_invalido' && issue.at
		? m.form_error_yaml_invalido_en(issue.at)
		: errorText(issue.code);
}
