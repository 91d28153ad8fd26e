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
	'solicitud-informacion'
] as const;
/** One of {@link PQRSD_TYPES}. */
export type PqrsdType = (typeof PQRSD_TYPES)[number];

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
