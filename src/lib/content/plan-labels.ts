/**
 * Display labels of the GEL-T plan's enums and of the fields its forms report errors on.
 */
import { m } from '$lib/paraglide/messages';
import type { ActivityStatus, GelPhase } from '$lib/schemas';
import { FormErrors } from '$lib/forms/form-errors';
import type { FormIssue } from '$lib/forms/form-result';

export const phaseLabel = (p: GelPhase): string =>
	({
		informacion: m.plan_phase_informacion,
		interaccion: m.plan_phase_interaccion,
		transaccion: m.plan_phase_transaccion,
		transformacion: m.plan_phase_transformacion,
		democracia: m.plan_phase_democracia
	})[p]();

export const statusLabel = (s: ActivityStatus): string =>
	({
		pendiente: m.plan_status_pendiente,
		'en-curso': m.plan_status_en_curso,
		completada: m.plan_status_completada,
		suspendida: m.plan_status_suspendida
	})[s]();

export const statusTone = (s: ActivityStatus): string =>
	({ pendiente: '', 'en-curso': '', completada: 'ok', suspendida: 'warn' })[s];

const FIELDS: Record<string, () => string> = {
	title: m.plan_field_title,
	summary: m.plan_field_summary,
	body: m.plan_field_body,
	slug: m.plan_field_slug,
	responsible: m.plan_field_responsible,
	line: m.plan_field_line,
	phase: m.plan_field_phase,
	owner: m.plan_field_owner,
	start: m.plan_field_start,
	due: m.plan_field_due,
	status: m.plan_field_status,
	progress: m.plan_field_progress,
	evidence: m.plan_field_evidence,
	'evidence.title': m.plan_evidence_title,
	'evidence.href': m.plan_evidence_href,
	date: m.plan_meeting_date,
	place: m.plan_meeting_place,
	attendees: m.plan_meeting_attendees,
	'attendees.role': m.plan_attendee_role,
	'attendees.name': m.plan_attendee_name,
	agenda: m.plan_meeting_agenda,
	decisions: m.plan_meeting_decisions,
	commitments: m.plan_meeting_commitments,
	'commitments.text': m.plan_commitment_text,
	'commitments.owner': m.plan_commitment_owner,
	'commitments.due': m.plan_commitment_due,
	'commitments.activity': m.plan_commitment_activity
};

const labelOf = (path: string) => (Object.hasOwn(FIELDS, path) ? FIELDS[path] : undefined);

/**
 * A plan form's issues as its page shows them. Controls are `<idPrefix>-<field>`; those of a
 * numbered row group are `<group id>-<n>-<field>` (`ev-0-href`), and an issue of the whole
 * group links to its first row's `first` field. Labels say the row: "Avance (%)", "Enlace
 * (fila 2)".
 */
export function planFormErrors(
	issues: readonly FormIssue[],
	idPrefix: string,
	groups: Record<string, { id: string; first: string }> = {}
): FormErrors {
	return new FormErrors(issues, (issue) => {
		const [field = '', sub] = issue.path.split('.');
		const label = labelOf(issue.path) ?? labelOf(field);
		if (!label) return undefined;
		const group = groups[field];
		const row = issue.row ? ` (${m.plan_row({ n: issue.row })})` : '';
		return {
			id: group
				? `${group.id}-${(issue.row ?? 1) - 1}-${sub ?? group.first}`
				: `${idPrefix}-${field}`,
			label: `${label()}${row}`
		};
	});
}

/** "53 %", or "sin datos" when there is nothing to average. */
export const percentText = (n: number | null): string =>
	n === null ? m.plan_no_data() : m.plan_percent({ n });

const done: Record<string, () => string> = {
	publicado: m.plan_bo_done_publicado,
	creada: m.plan_bo_done_creada,
	'creada-sin-enlace': m.plan_bo_done_creada_sin_enlace,
	restaurado: m.plan_bo_done_restaurado
};
/** The confirmation after a redirect (`?hecho=publicado`). */
export const planDoneText = (code: string | null): string | null =>
	code ? (done[code]?.() ?? null) : null;
