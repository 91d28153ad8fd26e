/**
 * The request inbox of one official: the requests their role and dependencia allow, with the
 * deadline traffic light, filtered and sorted most urgent first (priority first among equals).
 */
import { z } from 'zod';
import { canSeeRequest } from '$lib/domain/permissions';
import { bogotaDate } from '$lib/domain/calendar-date';
import { semaforo, SEMAFORO, type SemaforoReading } from '$lib/domain/semaforo';
import { priorityOf, type PriorityReason } from '$lib/domain/priority';
import { PQRSD_TYPES } from '$lib/schemas/vocab';
import { REQUEST_STATUSES, type SessionUser } from '$lib/schemas';
import type { RequestState } from '$lib/domain/request-state';
import { allRequests, municipalCalendar, type StoredRequest } from './requests';

export const inboxFilterSchema = z.object({
	tipo: z
		.enum([...PQRSD_TYPES, 'tramite'])
		.optional()
		.catch(undefined),
	estado: z.enum(REQUEST_STATUSES).optional().catch(undefined),
	semaforo: z.enum(SEMAFORO).optional().catch(undefined),
	vereda: z.string().trim().max(120).optional().catch(undefined),
	/** Only the requests assigned to me. */
	mias: z.literal('1').optional().catch(undefined),
	/** Only the requests to attend first (`$lib/domain/priority`). */
	prioritarias: z.literal('1').optional().catch(undefined)
});
export type InboxFilter = z.infer<typeof inboxFilterSchema>;

export interface InboxItem {
	radicado: string;
	formTitle: string;
	/** What the request is about in the citizen's words (the `asunto` field), shortened. */
	subject: string | undefined;
	tipo: string;
	receivedAt: string;
	vereda: string | undefined;
	applicantName: string | undefined;
	state: RequestState;
	light: SemaforoReading;
	capturedBy: string | undefined;
	/** Why it goes first among those as urgent, or null. */
	priority: PriorityReason | null;
}

const URGENCY: Record<SemaforoReading['light'], number> = {
	vencida: 0,
	'por-vencer': 1,
	'a-tiempo': 2,
	'sin-plazo': 3,
	'en-espera': 4,
	atendida: 5,
	remitida: 6
};

/** Longest subject shown in the inbox; the request page shows it whole. */
const SUBJECT_MAX = 120;

/** The request's subject: the `asunto` field every PQRSD form has, cut to one line or two. */
export function subjectOf(r: StoredRequest): string | undefined {
	const v = r.doc.values.asunto;
	if (typeof v !== 'string' || !v.trim()) return undefined;
	const text = v.trim().replace(/\s+/g, ' ');
	return text.length > SUBJECT_MAX ? `${text.slice(0, SUBJECT_MAX - 1).trimEnd()}…` : text;
}

/** Where the citizen lives: the applicant's vereda, or a form field named `vereda`. */
export function veredaOf(r: StoredRequest): string | undefined {
	const v = r.doc.applicant?.vereda ?? r.doc.values.vereda;
	return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export async function inboxFor(
	user: SessionUser,
	filter: InboxFilter,
	now = new Date()
): Promise<{ items: InboxItem[]; total: number; veredas: string[] }> {
	const [requests, calendar] = await Promise.all([allRequests(), municipalCalendar()]);
	const today = bogotaDate(now);
	const visible = [...requests.values()].filter((r) => canSeeRequest(user, r.scope));
	const items = visible.map((r): InboxItem => ({
		radicado: r.doc.radicado,
		formTitle: r.doc.formTitle,
		subject: subjectOf(r),
		tipo: r.doc.pqrsdType ?? 'tramite',
		receivedAt: r.doc.receivedAt,
		vereda: veredaOf(r),
		applicantName: r.doc.applicant?.name,
		state: r.state,
		light: semaforo(r.state, today, calendar),
		capturedBy: r.doc.capture?.by,
		priority: priorityOf(r.doc.applicant)
	}));
	const vereda = filter.vereda ? fold(filter.vereda) : '';
	const shown = items
		.filter(
			(i) =>
				(!filter.tipo || i.tipo === filter.tipo) &&
				(!filter.estado || i.state.status === filter.estado) &&
				(!filter.semaforo || i.light.light === filter.semaforo) &&
				(!vereda || fold(i.vereda ?? '').includes(vereda)) &&
				(!filter.mias || i.state.assignee === user.username) &&
				(!filter.prioritarias || i.priority !== null)
		)
		.sort(
			(a, b) =>
				URGENCY[a.light.light] - URGENCY[b.light.light] ||
				// Among the equally urgent, priority first: it never overtakes a closer deadline.
				Number(b.priority !== null) - Number(a.priority !== null) ||
				(a.state.dueDate ?? '9999').localeCompare(b.state.dueDate ?? '9999') ||
				a.radicado.localeCompare(b.radicado)
		);
	const veredas = [...new Set(items.flatMap((i) => (i.vereda ? [i.vereda] : [])))].sort();
	return { items: shown, total: visible.length, veredas };
}
