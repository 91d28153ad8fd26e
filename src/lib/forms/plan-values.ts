/**
 * What the GEL-T committee's forms show, as text the person can edit: read by the server from a
 * post (server/plan/plan-forms.ts) and shown by the form components, which import these types
 * instead of restating them.
 */
import type { ContentDocOf, Link } from '$lib/schemas';

/** The text fields `keys` of a stored item, `''` where it has none. */
function textsOf<K extends string>(doc: Partial<Record<K, unknown>>, keys: readonly K[]) {
	return Object.fromEntries(
		keys.map((k) => [k, typeof doc[k] === 'string' ? doc[k] : ''])
	) as Record<K, string>;
}

/** The text fields every plan item's form shows. */
const ITEM_TEXTS = ['slug', 'title', 'summary', 'responsible', 'body'] as const;
export const ACTIVITY_TEXTS = [...ITEM_TEXTS, 'line', 'phase', 'owner', 'start', 'due'] as const;
export const MEETING_TEXTS = [...ITEM_TEXTS, 'date', 'place'] as const;

export interface ActivityValues {
	slug: string;
	title: string;
	summary: string;
	line: string;
	phase: string;
	owner: string;
	responsible: string;
	start: string;
	due: string;
	status: string;
	progress: string;
	body: string;
	evidence: Link[];
}

export function activityValues(doc: Partial<ContentDocOf<'actividad-gelt'>>): ActivityValues {
	return {
		...textsOf(doc, ACTIVITY_TEXTS),
		status: doc.status ?? 'pendiente',
		progress: String(doc.progress ?? 0),
		evidence: doc.evidence ?? []
	};
}

export interface AttendeeValues {
	role: string;
	name: string;
}

export interface CommitmentValues {
	id: string;
	text: string;
	owner: string;
	due: string;
	activity: string;
	done: boolean;
}

export interface MeetingValues {
	slug: string;
	title: string;
	summary: string;
	responsible: string;
	date: string;
	place: string;
	attendees: AttendeeValues[];
	/** One item per line. */
	agenda: string;
	/** One decision per line. */
	decisions: string;
	body: string;
	commitments: CommitmentValues[];
}

export function meetingValues(doc: Partial<ContentDocOf<'reunion-gelt'>>): MeetingValues {
	return {
		...textsOf(doc, MEETING_TEXTS),
		attendees: (doc.attendees ?? []).map((a) => ({ role: a.role, name: a.name ?? '' })),
		agenda: (doc.agenda ?? []).join('\n'),
		decisions: (doc.decisions ?? []).join('\n'),
		commitments: (doc.commitments ?? []).map((c) => ({
			id: c.id,
			text: c.text,
			owner: c.owner,
			due: c.due,
			activity: c.activity ?? '',
			done: c.done
		}))
	};
}
