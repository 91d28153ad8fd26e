import { describe, expect, it } from 'vitest';
import { filingDeadline } from './filing-deadline';

// A Friday in Bogotá: days 1… are the business days from Monday 23 November on.
const AT = new Date('2026-11-20T10:00:00-05:00');
const NO_CLOSURES = { closures: [] };
const tramite = (time: {
	kind: 'dias-habiles' | 'dias-calendario' | 'inmediato' | 'horas';
	value?: number;
}) => ({
	title: 'Inscripción en Colombia Mayor',
	time,
	legalBasis: ['Decreto 1833 de 2016']
});

describe('filingDeadline', () => {
	it('gives a trámite answered at the counter the general 15 business days when filed in writing', () => {
		for (const time of [{ kind: 'inmediato' as const }, { kind: 'horas' as const, value: 4 }]) {
			const d = filingDeadline({ purpose: 'tramite', tramite: tramite(time) }, AT, NO_CLOSURES);
			expect(d, time.kind).toMatchObject({
				receivedDate: '2026-11-20',
				// 8 December (Inmaculada Concepción) is a holiday.
				dueDate: '2026-12-14',
				businessDays: 15
			});
			expect(d?.legalBasis).toMatch(/término general de quince \(15\) días hábiles/);
			expect(d?.legalBasis).toMatch(/Decreto 1833 de 2016/);
		}
	});

	it('falls back to the general term when a catalogue term in days has no valid value', () => {
		const d = filingDeadline(
			{ purpose: 'tramite', tramite: tramite({ kind: 'dias-habiles' }) },
			AT,
			NO_CLOSURES
		);
		expect(d?.businessDays).toBe(15);
	});

	it("uses the catalogue's term in business or calendar days", () => {
		const habiles = filingDeadline(
			{ purpose: 'tramite', tramite: tramite({ kind: 'dias-habiles', value: 10 }) },
			AT,
			NO_CLOSURES
		);
		expect(habiles).toMatchObject({ dueDate: '2026-12-04', businessDays: 10 });
		// 10 calendar days from Friday 20 end on Monday 30 November: 6 business days.
		const calendario = filingDeadline(
			{ purpose: 'tramite', tramite: tramite({ kind: 'dias-calendario', value: 10 }) },
			AT,
			NO_CLOSURES
		);
		expect(calendario).toMatchObject({ dueDate: '2026-11-30', businessDays: 6 });
		expect(calendario?.legalBasis).toMatch(/10 días calendario/);
	});

	it('uses the legal term of a PQRSD type, and has none without a type or a catalogue entry', () => {
		expect(
			filingDeadline({ purpose: 'pqrsd', pqrsdType: 'consulta' }, AT, NO_CLOSURES)?.businessDays
		).toBe(30);
		expect(filingDeadline({ purpose: 'pqrsd' }, AT, NO_CLOSURES)).toBeNull();
		expect(filingDeadline({ purpose: 'tramite', tramite: null }, AT, NO_CLOSURES)).toBeNull();
	});
});
