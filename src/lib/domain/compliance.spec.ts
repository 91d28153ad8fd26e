import { describe, expect, it } from 'vitest';
import {
	computeCompliance,
	figuresOf,
	isCommitmentOverdue,
	isOverdue,
	type PlanActivity,
	type PlanCommitment
} from './compliance';

const TODAY = '2026-11-30';

const act = (slug: string, over: Partial<PlanActivity> = {}): PlanActivity => ({
	slug,
	title: `Actividad ${slug}`,
	line: 'linea-a',
	phase: 'informacion',
	status: 'en-curso',
	progress: 50,
	due: '2027-03-31',
	...over
});

const commitment = (id: string, over: Partial<PlanCommitment> = {}): PlanCommitment => ({
	id,
	text: `Compromiso ${id}`,
	owner: 'Secretario(a) de Gobierno',
	due: '2027-01-31',
	done: false,
	...over
});

describe('overdue activities ("atrasada" is computed, never stored)', () => {
	it('is overdue only when due before today and neither completed nor suspended', () => {
		expect(isOverdue(act('a', { due: '2026-11-29' }), TODAY)).toBe(true);
		expect(isOverdue(act('a', { due: '2026-11-29', status: 'pendiente' }), TODAY)).toBe(true);
		expect(
			isOverdue(act('a', { due: '2026-01-01', status: 'completada', progress: 100 }), TODAY)
		).toBe(false);
		expect(isOverdue(act('a', { due: '2026-01-01', status: 'suspendida' }), TODAY)).toBe(false);
	});

	it('is not overdue on its due date, only from the next day', () => {
		expect(isOverdue(act('a', { due: TODAY }), TODAY)).toBe(false);
		expect(isOverdue(act('a', { due: TODAY }), '2026-12-01')).toBe(true);
	});
});

describe('figures of a group of activities', () => {
	it('counts statuses and overdue work, and averages progress', () => {
		const f = figuresOf(
			[
				act('a', { status: 'completada', progress: 100 }),
				act('b', { status: 'en-curso', progress: 40, due: '2026-10-01' }),
				act('c', { status: 'pendiente', progress: 0 }),
				act('d', { status: 'en-curso', progress: 70 })
			],
			TODAY
		);
		expect(f).toEqual({
			total: 4,
			completed: 1,
			inProgress: 2,
			pending: 1,
			suspended: 0,
			overdue: 1,
			meanProgress: 53, // (100 + 40 + 0 + 70) / 4 = 52.5
			completedShare: 25
		});
	});

	it('leaves suspended activities out of the mean progress and the completed share', () => {
		const f = figuresOf(
			[
				act('a', { status: 'completada', progress: 100 }),
				act('b', { status: 'suspendida', progress: 10, due: '2026-01-01' })
			],
			TODAY
		);
		expect(f.meanProgress).toBe(100);
		expect(f.completedShare).toBe(100);
		expect(f.suspended).toBe(1);
		expect(f.overdue).toBe(0);
	});

	it('has no mean (null, not 0 %) for an empty plan', () => {
		expect(figuresOf([], TODAY)).toEqual({
			total: 0,
			completed: 0,
			inProgress: 0,
			pending: 0,
			suspended: 0,
			overdue: 0,
			meanProgress: null,
			completedShare: null
		});
	});

	it('has no mean when every activity is suspended', () => {
		const f = figuresOf(
			[act('a', { status: 'suspendida' }), act('b', { status: 'suspendida', progress: 90 })],
			TODAY
		);
		expect(f.total).toBe(2);
		expect(f.suspended).toBe(2);
		expect(f.meanProgress).toBeNull();
		expect(f.completedShare).toBeNull();
	});
});

describe('the compliance dashboard', () => {
	const lines = [
		{ slug: 'linea-b', title: 'Línea B', order: 2 },
		{ slug: 'linea-a', title: 'Línea A', order: 1 },
		{ slug: 'linea-vacia', title: 'Línea sin actividades', order: 3 }
	];

	it('reports every GEL phase in order, including those with no activities', () => {
		const c = computeCompliance(
			{
				lines,
				activities: [
					act('a', { phase: 'transaccion' }),
					act('b', { phase: 'democracia', due: '2026-02-01' })
				],
				meetings: []
			},
			TODAY
		);
		expect(c.byPhase.map((p) => p.phase)).toEqual([
			'informacion',
			'interaccion',
			'transaccion',
			'transformacion',
			'democracia'
		]);
		expect(c.byPhase.map((p) => p.figures.total)).toEqual([0, 0, 1, 0, 1]);
		expect(c.byPhase[4]?.figures.overdue).toBe(1);
		expect(c.byPhase[0]?.figures.meanProgress).toBeNull();
	});

	it('groups activities by line in editorial order, keeping lines with no activities and unknown lines', () => {
		const c = computeCompliance(
			{
				lines,
				activities: [
					act('x', { line: 'linea-b', due: '2027-05-01' }),
					act('y', { line: 'linea-b', due: '2027-01-01' }),
					act('z', { line: 'linea-a' }),
					act('w', { line: 'linea-retirada' })
				],
				meetings: []
			},
			TODAY
		);
		expect(c.byLine.map((l) => l.line)).toEqual([
			'linea-a',
			'linea-b',
			'linea-vacia',
			'linea-retirada'
		]);
		// Within a line, the nearest deadline first.
		expect(c.byLine[1]?.activities.map((a) => a.slug)).toEqual(['y', 'x']);
		expect(c.byLine[2]?.figures.total).toBe(0);
		expect(c.overall.total).toBe(4);
	});

	it('lists overdue activities and overdue commitments, oldest first', () => {
		const c = computeCompliance(
			{
				lines,
				activities: [
					act('late2', { due: '2026-11-01' }),
					act('late1', { due: '2026-09-01', status: 'pendiente', progress: 0 }),
					act('ontime', { due: TODAY })
				],
				meetings: [
					{
						slug: 'reunion-1',
						title: 'Primera',
						date: '2026-03-01',
						commitments: [
							commitment('c1', { due: '2026-06-01' }),
							commitment('c2', { due: '2026-04-01', done: true }),
							commitment('c3', { due: TODAY })
						]
					},
					{
						slug: 'reunion-2',
						title: 'Segunda',
						date: '2026-09-01',
						commitments: [commitment('c4', { due: '2026-05-01' })]
					}
				]
			},
			TODAY
		);
		expect(c.overdueActivities.map((a) => a.slug)).toEqual(['late1', 'late2']);
		expect(c.overdueCommitments.map((r) => r.commitment.id)).toEqual(['c4', 'c1']);
		expect(c.overdueCommitments[0]?.meeting.slug).toBe('reunion-2');
	});

	it('attaches each commitment to the activity it advances, newest meeting first', () => {
		const c = computeCompliance(
			{
				lines,
				activities: [act('portal')],
				meetings: [
					{
						slug: 'vieja',
						title: 'Vieja',
						date: '2026-02-01',
						commitments: [commitment('a', { activity: 'portal', due: '2026-03-01' })]
					},
					{
						slug: 'nueva',
						title: 'Nueva',
						date: '2026-08-01',
						commitments: [commitment('b', { activity: 'portal' }), commitment('c')]
					}
				]
			},
			TODAY
		);
		const refs = c.commitmentsByActivity.get('portal') ?? [];
		expect(refs.map((r) => [r.meeting.slug, r.commitment.id, r.overdue])).toEqual([
			['nueva', 'b', false],
			['vieja', 'a', true]
		]);
		expect([...c.commitmentsByActivity.keys()]).toEqual(['portal']);
	});

	it('computes an empty plan without failing', () => {
		const c = computeCompliance({ lines: [], activities: [], meetings: [] }, TODAY);
		expect(c.overall.total).toBe(0);
		expect(c.overall.meanProgress).toBeNull();
		expect(c.byLine).toEqual([]);
		expect(c.overdueActivities).toEqual([]);
		expect(c.overdueCommitments).toEqual([]);
	});
});

describe('overdue commitments', () => {
	it('is overdue only when not done and due before today', () => {
		expect(isCommitmentOverdue({ done: false, due: '2026-11-29' }, TODAY)).toBe(true);
		expect(isCommitmentOverdue({ done: true, due: '2026-11-29' }, TODAY)).toBe(false);
		expect(isCommitmentOverdue({ done: false, due: TODAY }, TODAY)).toBe(false);
	});
});
