/**
 * The committee's forms for activities and meetings, read from plain HTML posts (they work
 * without JavaScript). Repeated rows (evidence links, attendees, commitments) are numbered
 * fields, `evidence-0-title`, `evidence-0-href`, …; a row left empty is ignored and a row with
 * "Quitar" ticked is dropped, so adding and removing needs no script. Everything is validated
 * with the type's Zod schema, with Spanish messages tied to the field and row they concern.
 */
import { z } from 'zod';
import { contentInputSchemas, type ContentDocOf, type ContentInput, type Link } from '$lib/schemas';

/** A validation message for one field (and row, for repeated rows, counted from 1). */
export interface FieldError {
	field: string;
	row?: number;
	message: string;
}

const spanish = z.locales.es().localeError;
const MAX_ROWS = 60;

const text = (data: FormData, name: string) => {
	const v = data.get(name);
	return typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '';
};
const checked = (data: FormData, name: string) => data.get(name) !== null;

/** Rows `prefix-N-*` in the form, in order, with their row index. */
function rows<T extends Record<string, string | boolean>>(
	data: FormData,
	prefix: string,
	read: (n: number) => T
): Array<{ n: number; row: T }> {
	const out: Array<{ n: number; row: T }> = [];
	for (let n = 0; n < MAX_ROWS; n++) {
		const present = [...data.keys()].some((k) => k.startsWith(`${prefix}-${n}-`));
		if (!present) continue;
		out.push({ n, row: read(n) });
	}
	return out;
}

function issues(error: z.ZodError, rowOf: (field: string, index: number) => number | undefined) {
	return error.issues.map((i): FieldError => {
		const [field, index, sub] = i.path;
		const f = typeof field === 'string' ? field : '';
		if (typeof index === 'number') {
			const row = rowOf(f, index);
			return {
				field: typeof sub === 'string' ? `${f}.${sub}` : f,
				...(row !== undefined ? { row: row + 1 } : {}),
				message: i.message
			};
		}
		return { field: f, message: i.message };
	});
}

/* ---------------------------------------------------------------- activities */

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
		slug: doc.slug ?? '',
		title: doc.title ?? '',
		summary: doc.summary ?? '',
		line: doc.line ?? '',
		phase: doc.phase ?? '',
		owner: doc.owner ?? '',
		responsible: doc.responsible ?? '',
		start: doc.start ?? '',
		due: doc.due ?? '',
		status: doc.status ?? 'pendiente',
		progress: String(doc.progress ?? 0),
		body: doc.body ?? '',
		evidence: doc.evidence ?? []
	};
}

export type FormResult<T, V> =
	{ ok: true; input: T; values: V } | { ok: false; errors: FieldError[]; values: V };

/**
 * Reads an activity. `kept` are the published fields the form does not show (keywords, review
 * date), carried over so a status update does not erase them.
 */
export function readActivityForm(
	data: FormData,
	slug: string,
	today: string,
	kept: Partial<ContentInput<'actividad-gelt'>> = {}
): FormResult<ContentInput<'actividad-gelt'>, ActivityValues> {
	const evidenceRows = rows(data, 'evidence', (n) => ({
		title: text(data, `evidence-${n}-title`),
		href: text(data, `evidence-${n}-href`),
		remove: checked(data, `evidence-${n}-remove`)
	})).filter(({ row }) => !row.remove && (row.title || row.href));
	const values: ActivityValues = {
		slug,
		title: text(data, 'title'),
		summary: text(data, 'summary'),
		line: text(data, 'line'),
		phase: text(data, 'phase'),
		owner: text(data, 'owner'),
		responsible: text(data, 'responsible'),
		start: text(data, 'start'),
		due: text(data, 'due'),
		status: text(data, 'status'),
		progress: text(data, 'progress'),
		body: text(data, 'body'),
		evidence: evidenceRows.map(({ row }) => ({ title: row.title, href: row.href }))
	};
	const errors: FieldError[] = [];
	// `Number('')` is 0: an emptied box must be an error, not "no progress".
	const progress = /^\d{1,3}$/.test(values.progress) ? Number(values.progress) : NaN;
	if (Number.isNaN(progress)) {
		errors.push({ field: 'progress', message: 'escriba un número entero de 0 a 100.' });
	}
	const candidate = {
		keywords: kept.keywords ?? [],
		...(kept.reviewBy ? { reviewBy: kept.reviewBy } : {}),
		slug,
		title: values.title,
		...(values.summary ? { summary: values.summary } : {}),
		body: values.body,
		responsible: values.responsible,
		updatedAt: today,
		line: values.line,
		phase: values.phase,
		owner: values.owner,
		start: values.start,
		due: values.due,
		status: values.status,
		progress: Number.isNaN(progress) ? 0 : progress,
		evidence: values.evidence
	};
	const parsed = contentInputSchemas['actividad-gelt'].safeParse(candidate, { error: spanish });
	if (!parsed.success) {
		errors.push(...issues(parsed.error, (_f, i) => evidenceRows[i]?.n));
	}
	if (errors.length || !parsed.success) return { ok: false, errors, values };
	return { ok: true, input: parsed.data, values };
}

/* ------------------------------------------------------------------ meetings */

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
	attendees: Array<{ role: string; name: string }>;
	agenda: string;
	decisions: string;
	body: string;
	commitments: CommitmentValues[];
}

export function meetingValues(doc: Partial<ContentDocOf<'reunion-gelt'>>): MeetingValues {
	return {
		slug: doc.slug ?? '',
		title: doc.title ?? '',
		summary: doc.summary ?? '',
		responsible: doc.responsible ?? '',
		date: doc.date ?? '',
		place: doc.place ?? '',
		attendees: (doc.attendees ?? []).map((a) => ({ role: a.role, name: a.name ?? '' })),
		agenda: (doc.agenda ?? []).join('\n'),
		decisions: (doc.decisions ?? []).join('\n'),
		body: doc.body ?? '',
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

const linesOf = (value: string) =>
	value
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

/** A new commitment's key: `compromiso-N`, the first N not taken in this meeting. */
function freshId(taken: Set<string>): string {
	let n = taken.size + 1;
	while (taken.has(`compromiso-${n}`)) n++;
	const id = `compromiso-${n}`;
	taken.add(id);
	return id;
}

export function readMeetingForm(
	data: FormData,
	slug: string,
	today: string,
	kept: Partial<ContentInput<'reunion-gelt'>> = {}
): FormResult<ContentInput<'reunion-gelt'>, MeetingValues> {
	const attendeeRows = rows(data, 'attendee', (n) => ({
		role: text(data, `attendee-${n}-role`),
		name: text(data, `attendee-${n}-name`),
		remove: checked(data, `attendee-${n}-remove`)
	})).filter(({ row }) => !row.remove && (row.role || row.name));
	const commitmentRows = rows(data, 'commitment', (n) => ({
		id: text(data, `commitment-${n}-id`),
		text: text(data, `commitment-${n}-text`),
		owner: text(data, `commitment-${n}-owner`),
		due: text(data, `commitment-${n}-due`),
		activity: text(data, `commitment-${n}-activity`),
		done: checked(data, `commitment-${n}-done`),
		remove: checked(data, `commitment-${n}-remove`)
	})).filter(({ row }) => !row.remove && (row.text || row.owner || row.due));
	const taken = new Set(commitmentRows.map(({ row }) => row.id).filter(Boolean));
	const commitments = commitmentRows.map(({ row }) => ({
		id: row.id || freshId(taken),
		text: row.text,
		owner: row.owner,
		due: row.due,
		activity: row.activity,
		done: row.done
	}));
	const values: MeetingValues = {
		slug,
		title: text(data, 'title'),
		summary: text(data, 'summary'),
		responsible: text(data, 'responsible'),
		date: text(data, 'date'),
		place: text(data, 'place'),
		attendees: attendeeRows.map(({ row }) => ({ role: row.role, name: row.name })),
		agenda: text(data, 'agenda'),
		decisions: text(data, 'decisions'),
		body: text(data, 'body'),
		commitments
	};
	const candidate = {
		keywords: kept.keywords ?? [],
		...(kept.reviewBy ? { reviewBy: kept.reviewBy } : {}),
		slug,
		title: values.title,
		...(values.summary ? { summary: values.summary } : {}),
		body: values.body,
		responsible: values.responsible,
		updatedAt: today,
		date: values.date,
		place: values.place,
		attendees: values.attendees.map((a) => ({ role: a.role, ...(a.name ? { name: a.name } : {}) })),
		agenda: linesOf(values.agenda),
		decisions: linesOf(values.decisions),
		commitments: commitments.map(({ activity, ...c }) => ({
			...c,
			...(activity ? { activity } : {})
		}))
	};
	const parsed = contentInputSchemas['reunion-gelt'].safeParse(candidate, { error: spanish });
	if (!parsed.success) {
		const rowOf = (field: string, i: number) =>
			field === 'attendees'
				? attendeeRows[i]?.n
				: field === 'commitments'
					? commitmentRows[i]?.n
					: i;
		return { ok: false, errors: issues(parsed.error, rowOf), values };
	}
	return { ok: true, input: parsed.data, values };
}
