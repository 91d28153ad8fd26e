/**
 * Compliance of the GEL-T action plan, computed from its activities, the committee's meetings
 * and today's date (Bogotá calendar date). Nothing here is stored: "atrasada" (overdue) is never
 * a status someone records, it is what the dates say on the day the page is shown, so the plan
 * published on the portal is always current and nobody can forget to flag a delay.
 *
 * Rules:
 * - An activity is overdue when its due date is before today and it is neither `completada` nor
 *   `suspendida`. Due today is not overdue yet.
 * - Mean progress is the mean of the recorded progress (0–100) of the activities that are not
 *   suspended, rounded to a whole percentage. A suspended activity is on hold by a committee
 *   decision: counting its frozen progress would pull the mean down for work nobody is asked to
 *   do, and counting it as 100 % would claim work that was not done. With nothing to average
 *   (an empty group, or every activity suspended) the mean is `null`, shown as "sin datos",
 *   never as 0 %.
 * - A commitment is overdue when it is not done and its due date is before today.
 */
import { compareDates, type IsoDate } from './calendar-date';
import { GEL_PHASES, type ActivityStatus, type GelPhase } from '$lib/schemas/vocab';

/** What compliance needs of an activity (the list summary of `actividad-gelt` has all of it). */
export interface PlanActivity {
	slug: string;
	title: string;
	line: string;
	phase: GelPhase;
	status: ActivityStatus;
	progress: number;
	due: IsoDate;
}

export interface PlanCommitment {
	id: string;
	text: string;
	owner: string;
	due: IsoDate;
	activity?: string;
	done: boolean;
}

export interface PlanMeeting {
	slug: string;
	title: string;
	date: IsoDate;
	commitments: readonly PlanCommitment[];
}

export interface PlanLine {
	slug: string;
	title: string;
	order: number;
}

/** Counts of one group of activities (a phase, a line, or the whole plan). */
export interface Figures {
	total: number;
	completed: number;
	inProgress: number;
	pending: number;
	suspended: number;
	/** Not completed or suspended, due before today; overlaps with `pending` and `inProgress`. */
	overdue: number;
	/** Whole percentage over non-suspended activities; `null` when there are none. */
	meanProgress: number | null;
	/** Share of non-suspended activities completed, whole percentage; `null` when none. */
	completedShare: number | null;
}

/** A commitment with the meeting that made it. */
export interface CommitmentRef<C extends PlanCommitment = PlanCommitment> {
	meeting: { slug: string; title: string; date: IsoDate };
	commitment: C;
	overdue: boolean;
}

export interface Compliance<A extends PlanActivity, C extends PlanCommitment> {
	overall: Figures;
	/** The five GEL phases in their order, each with its figures (zeros when empty). */
	byPhase: Array<{ phase: GelPhase; figures: Figures }>;
	/** Every line in editorial order, then any line named by an activity but not in `lines`. */
	byLine: Array<{ line: string; title: string; figures: Figures; activities: A[] }>;
	/** Overdue activities, the oldest due date first. */
	overdueActivities: A[];
	/** Overdue commitments of every meeting, the oldest due date first. */
	overdueCommitments: CommitmentRef<C>[];
	/** Commitments by the slug of the activity they advance, the newest meeting first. */
	commitmentsByActivity: Map<string, CommitmentRef<C>[]>;
}

const CLOSED: readonly ActivityStatus[] = ['completada', 'suspendida'];

/** True when the activity should have been finished before `today` and was not. */
export function isOverdue(a: Pick<PlanActivity, 'status' | 'due'>, today: IsoDate): boolean {
	return !CLOSED.includes(a.status) && compareDates(a.due, today) < 0;
}

export function isCommitmentOverdue(c: Pick<PlanCommitment, 'done' | 'due'>, today: IsoDate) {
	return !c.done && compareDates(c.due, today) < 0;
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : null);

/** The figures of one group of activities on `today`. */
export function figuresOf(activities: readonly PlanActivity[], today: IsoDate): Figures {
	const count = (s: ActivityStatus) => activities.filter((a) => a.status === s).length;
	const active = activities.filter((a) => a.status !== 'suspendida');
	const completed = count('completada');
	const sum = active.reduce((acc, a) => acc + a.progress, 0);
	return {
		total: activities.length,
		completed,
		inProgress: count('en-curso'),
		pending: count('pendiente'),
		suspended: count('suspendida'),
		overdue: activities.filter((a) => isOverdue(a, today)).length,
		meanProgress: active.length ? Math.round(sum / active.length) : null,
		completedShare: percent(completed, active.length)
	};
}

const byDue = (a: { due: IsoDate }, b: { due: IsoDate }) => compareDates(a.due, b.due);

/** The whole dashboard: per phase, per line, overdue work and where commitments lead. */
export function computeCompliance<A extends PlanActivity, C extends PlanCommitment>(
	plan: {
		lines: readonly PlanLine[];
		activities: readonly A[];
		meetings: ReadonlyArray<Omit<PlanMeeting, 'commitments'> & { commitments: readonly C[] }>;
	},
	today: IsoDate
): Compliance<A, C> {
	const activities = [...plan.activities].sort(
		(a, b) => byDue(a, b) || a.title.localeCompare(b.title, 'es')
	);
	const lines = [...plan.lines].sort(
		(a, b) => a.order - b.order || a.title.localeCompare(b.title, 'es')
	);
	const known = new Set(lines.map((l) => l.slug));
	const orphanLines = [...new Set(activities.map((a) => a.line))].filter((l) => !known.has(l));
	const byLine = [
		...lines.map((l) => ({ line: l.slug, title: l.title })),
		...orphanLines.map((l) => ({ line: l, title: l }))
	].map(({ line, title }) => {
		const own = activities.filter((a) => a.line === line);
		return { line, title, figures: figuresOf(own, today), activities: own };
	});

	const meetings = [...plan.meetings].sort((a, b) => compareDates(b.date, a.date));
	const refs = meetings.flatMap((m) =>
		m.commitments.map((c) => ({
			meeting: { slug: m.slug, title: m.title, date: m.date },
			commitment: c,
			overdue: isCommitmentOverdue(c, today)
		}))
	);
	const commitmentsByActivity = new Map<string, CommitmentRef<C>[]>();
	for (const r of refs) {
		if (!r.commitment.activity) continue;
		const list = commitmentsByActivity.get(r.commitment.activity) ?? [];
		list.push(r);
		commitmentsByActivity.set(r.commitment.activity, list);
	}

	return {
		overall: figuresOf(activities, today),
		byPhase: GEL_PHASES.map((phase) => ({
			phase,
			figures: figuresOf(
				activities.filter((a) => a.phase === phase),
				today
			)
		})),
		byLine,
		overdueActivities: activities.filter((a) => isOverdue(a, today)),
		overdueCommitments: refs
			.filter((r) => r.overdue)
			.sort((a, b) => byDue(a.commitment, b.commitment)),
		commitmentsByActivity
	};
}
