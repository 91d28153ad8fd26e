/**
 * The committee's forms for activities and meetings, read from plain HTML posts (they work
 * without JavaScript). Repeated rows (evidence links, attendees, commitments) are numbered
 * fields, `evidence-0-title`, `evidence-0-href`, …; a row left empty is ignored and a row with
 * "Quitar" ticked is dropped, so adding and removing needs no script. Everything is validated
 * with the type's Zod schema; problems are field codes tied to the field and row they concern.
 */
import { contentInputSchemas, type ContentInput } from '$lib/schemas';
import { onePerPlace, type FormIssue, type FormResult } from '$lib/forms/form-result';
import {
	ACTIVITY_TEXTS,
	MEETING_TEXTS,
	type ActivityValues,
	type MeetingValues
} from '$lib/forms/plan-values';
import { checkForm } from '$lib/forms/zod-issues';
import { checked, rows, text } from '$lib/server/forms/form-data';

/** These forms always trimmed every field and turned CRLF into LF, textarea or not. */
const field = (data: FormData, name: string) => text(data, name, { multiline: true });

/** The fields `names` of the post, read as `field` reads one. */
const fields = <K extends string>(data: FormData, names: readonly K[]) =>
	Object.fromEntries(names.map((n) => [n, field(data, n)])) as Record<K, string>;

/**
 * The fields every plan item has, for its schema: `kept` are the published fields the form
 * does not show (keywords, review date), carried over so an update does not erase them.
 */
function commonInput(
	values: { title: string; summary: string; body: string; responsible: string },
	slug: string,
	today: string,
	kept: { keywords?: string[]; reviewBy?: string }
) {
	return {
		keywords: kept.keywords ?? [],
		...(kept.reviewBy ? { reviewBy: kept.reviewBy } : {}),
		slug,
		title: values.title,
		...(values.summary ? { summary: values.summary } : {}),
		body: values.body,
		responsible: values.responsible,
		updatedAt: today
	};
}

/* ---------------------------------------------------------------- activities */

/** Reads an activity (see `commonInput` for `kept`). */
export function readActivityForm(
	data: FormData,
	slug: string,
	today: string,
	kept: Partial<ContentInput<'actividad-gelt'>> = {}
): FormResult<ContentInput<'actividad-gelt'>, ActivityValues> {
	const evidenceRows = rows(data, 'evidence', (n) => ({
		title: field(data, `evidence-${n}-title`),
		href: field(data, `evidence-${n}-href`),
		remove: checked(data, `evidence-${n}-remove`)
	})).filter(({ row }) => !row.remove && (row.title || row.href));
	const values: ActivityValues = {
		...fields(data, [...ACTIVITY_TEXTS, 'status', 'progress']),
		slug,
		evidence: evidenceRows.map(({ row }) => ({ title: row.title, href: row.href }))
	};
	const issues: FormIssue[] = [];
	// `Number('')` is 0: an emptied box must be an error, not "no progress".
	const progress = /^\d{1,3}$/.test(values.progress) ? Number(values.progress) : NaN;
	if (Number.isNaN(progress)) {
		issues.push({ path: 'progress', code: values.progress ? 'numero_invalido' : 'requerido' });
	}
	const checkedInput = checkForm(
		contentInputSchemas['actividad-gelt'],
		{
			...commonInput(values, slug, today, kept),
			line: values.line,
			phase: values.phase,
			owner: values.owner,
			start: values.start,
			due: values.due,
			status: values.status,
			progress: Number.isNaN(progress) ? 0 : progress,
			evidence: values.evidence
		},
		{ rows: { evidence: (i) => evidenceRows[i]?.n } }
	);
	if (!checkedInput.ok) issues.push(...checkedInput.issues);
	if (issues.length || !checkedInput.ok) return { ok: false, issues: onePerPlace(issues), values };
	return { ok: true, input: checkedInput.data, values };
}

/* ------------------------------------------------------------------ meetings */

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

/** Reads a meeting (see `commonInput` for `kept`). */
export function readMeetingForm(
	data: FormData,
	slug: string,
	today: string,
	kept: Partial<ContentInput<'reunion-gelt'>> = {}
): FormResult<ContentInput<'reunion-gelt'>, MeetingValues> {
	const attendeeRows = rows(data, 'attendee', (n) => ({
		role: field(data, `attendee-${n}-role`),
		name: field(data, `attendee-${n}-name`),
		remove: checked(data, `attendee-${n}-remove`)
	})).filter(({ row }) => !row.remove && (row.role || row.name));
	const commitmentRows = rows(data, 'commitment', (n) => ({
		id: field(data, `commitment-${n}-id`),
		text: field(data, `commitment-${n}-text`),
		owner: field(data, `commitment-${n}-owner`),
		due: field(data, `commitment-${n}-due`),
		activity: field(data, `commitment-${n}-activity`),
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
		...fields(data, [...MEETING_TEXTS, 'agenda', 'decisions']),
		slug,
		attendees: attendeeRows.map(({ row }) => ({ role: row.role, name: row.name })),
		commitments
	};
	const checkedInput = checkForm(
		contentInputSchemas['reunion-gelt'],
		{
			...commonInput(values, slug, today, kept),
			date: values.date,
			place: values.place,
			attendees: values.attendees.map((a) => ({
				role: a.role,
				...(a.name ? { name: a.name } : {})
			})),
			agenda: linesOf(values.agenda),
			decisions: linesOf(values.decisions),
			commitments: commitments.map(({ activity, ...c }) => ({
				...c,
				...(activity ? { activity } : {})
			}))
		},
		{
			rows: {
				attendees: (i) => attendeeRows[i]?.n,
				commitments: (i) => commitmentRows[i]?.n,
				// One item per line: the line's number stands for the row.
				agenda: (i) => i,
				decisions: (i) => i
			}
		}
	);
	if (!checkedInput.ok) return { ok: false, issues: checkedInput.issues, values };
	return { ok: true, input: checkedInput.data, values };
}
