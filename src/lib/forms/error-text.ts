import { m } from '$lib/paraglide/messages';
import type { SubmissionError } from './validate';
import type { ApplicantError } from './applicant';

/** Spanish (or English) text of a form error code. */
export function errorText(code: ApplicantError | SubmissionError | string): string {
	const table: Record<string, () => string> = {
		requerido: m.form_error_requerido,
		muy_largo: m.form_error_muy_largo,
		correo_invalido: m.form_error_correo_invalido,
		telefono_invalido: m.form_error_telefono_invalido,
		numero_invalido: m.form_error_numero_invalido,
		fecha_invalida: m.form_error_fecha_invalida,
		opcion_invalida: m.form_error_opcion_invalida,
		tipo_invalido: m.form_error_tipo_invalido,
		documento_invalido: m.form_error_documento_invalido,
		campo_desconocido: m.form_error_campo_desconocido,
		anonimo_no_permitido: m.form_error_anonimo_no_permitido,
		faltan_datos_personales: m.form_error_faltan_datos_personales,
		falta_consentimiento: m.form_error_falta_consentimiento,
		demasiados_adjuntos: m.form_error_demasiados_adjuntos,
		falta_adjunto: m.form_error_falta_adjunto
	};
	return (table[code] ?? m.form_error_tipo_invalido)();
}
