/**
 * The enumerations that both the contracts (schemas) and the rules (domain) name: a leaf
 * module, so `$lib/domain` imports them from here and `$lib/schemas` never imports the domain.
 * The values are stored in documents and appear in URLs: they are Spanish on purpose.
 */

/** Request types handled by the PQRSD module; the slugs double as stored values. */
export const PQRSD_TYPES = [
	'peticion-general',
	'peticion-documentos',
	'consulta',
	'queja',
	'reclamo',
	'sugerencia',
	'denuncia',
	'solicitud-informacion',
	// Habeas data (Ley 1581 de 2012 art. 14 and 15): a holder asks what personal data the
	// municipality keeps about them, or asks to correct, update or delete them.
	'consulta-datos-personales',
	'reclamo-datos-personales'
] as const;
/** One of {@link PQRSD_TYPES}. */
export type PqrsdType = (typeof PQRSD_TYPES)[number];

/**
 * Priority an applicant may ask for (rules in `$lib/domain/priority`): preferential attention
 * (CPACA art. 5 num. 6) or to avoid irreparable harm (Ley 1755 art. 20). A minor's follows from
 * the document and is never asked.
 */
export const PRIORITY_CLAIMS = ['preferente', 'perjuicio-irremediable'] as const;
export type PriorityClaim = (typeof PRIORITY_CLAIMS)[number];

/** Roles of back-office accounts (rules in `$lib/domain/permissions`). */
export const ROLES = [
	'administrador',
	'editor',
	'funcionario',
	'funcionario-campo',
	'comite-gelt'
] as const;
export type Role = (typeof ROLES)[number];

/** States of a content draft before publication (rules in `$lib/domain/content-workflow`). */
export const DRAFT_STATES = ['borrador', 'en-revision'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** States of a filed request, folded from its events (`$lib/domain/request-state`). */
export const REQUEST_STATUSES = ['radicada', 'en-tramite', 'respondida', 'cerrada'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The five phases of the Gobierno en Línea strategy an activity of the GEL-T plan belongs to. */
export const GEL_PHASES = [
	'informacion',
	'interaccion',
	'transaccion',
	'transformacion',
	'democracia'
] as const;
export type GelPhase = (typeof GEL_PHASES)[number];

/** Status an official records; "atrasada" is not one of them: it is computed from the dates. */
export const ACTIVITY_STATUSES = ['pendiente', 'en-curso', 'completada', 'suspendida'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Kinds of question a consulta or encuesta can ask. */
export const QUESTION_KINDS = ['unica', 'multiple', 'escala', 'si-no', 'texto'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** The escala kind is always 1 (lowest) to 5 (highest). */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/**
 * Codes of what can be wrong with one field of a form (citizens' and back-office forms);
 * `errorText(code)` in `$lib/forms/error-text` is their text. Request-level errors are the
 * catalogue of `$lib/errors`.
 */
export const FIELD_ERROR_CODES = [
	// The form engine's, for citizens' forms (validate.ts, applicant.ts).
	'requerido',
	'muy_largo',
	'correo_invalido',
	'telefono_invalido',
	'numero_invalido',
	'fecha_invalida',
	'opcion_invalida',
	'tipo_invalido',
	'documento_invalido',
	// Back-office forms: from Zod issues (zod-issues.ts) and the schemas' refinements.
	'muy_corto',
	'fuera_de_rango',
	'demasiados',
	'formato_invalido',
	'caracteres_no_permitidos',
	'enlace_invalido',
	'antes_del_inicio',
	'avance_incompleto',
	'identificador_repetido',
	'faltan_opciones',
	'opciones_no_admitidas',
	'largo_no_admitido',
	'sensible_obligatorio',
	'falta_destino_formulario',
	'anonimo_no_permitido',
	// Back-office forms: checked by the readers and routes themselves.
	'direccion_reservada',
	'yaml_invalido',
	'yaml_no_es_lista',
	'campo_propio',
	'pdf_muy_grande',
	'no_es_pdf',
	'documento_grande',
	'documento_tipo'
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(FIELD_ERROR_CODES);
export const isFieldErrorCode = (value: unknown): value is FieldErrorCode =>
	typeof value === 'string' && KNOWN.has(value);
