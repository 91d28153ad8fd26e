import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from './business-days';
import { checkExtension } from './prorroga';

// Received Tue 2026-11-03; 15 días hábiles (Nov 16 is a holiday) end Wed 2026-11-25; double
// the term (30 días hábiles, Dec 8 is a holiday) ends Thu 2026-12-17.
const deadline = { receivedDate: '2026-11-03', dueDate: '2026-11-25', businessDays: 15 };
const base = {
	deadline,
	extended: false,
	settled: false,
	today: '2026-11-20',
	newDueDate: '2026-12-17',
	calendar: NATIONAL_CALENDAR
};

describe('checkExtension', () => {
	it('allows a new date up to double the original term', () => {
		expect(checkExtension(base)).toEqual({ ok: true, maxDueDate: '2026-12-17' });
	});
	it('refuses a new date beyond double the original term', () => {
		expect(checkExtension({ ...base, newDueDate: '2026-12-18' }).refusal).toBe('excede_maximo');
	});
	it('holds a consulta de datos personales to 5 días hábiles after its first term', () => {
		// Received Tue 2026-11-03; 10 días hábiles end Wed 2026-11-18; 5 more end Wed 2026-11-25.
		const habeas = {
			...base,
			today: '2026-11-10',
			deadline: {
				receivedDate: '2026-11-03',
				dueDate: '2026-11-18',
				businessDays: 10,
				extensionBusinessDays: 5
			}
		};
		expect(checkExtension({ ...habeas, newDueDate: '2026-11-25' })).toEqual({
			ok: true,
			maxDueDate: '2026-11-25'
		});
		// Double the term (2026-12-03) would be lawful for a petición, not here.
		expect(checkExtension({ ...habeas, newDueDate: '2026-11-26' }).refusal).toBe('excede_maximo');
	});
	it('still allows the extension on the due date itself, not the day after', () => {
		expect(checkExtension({ ...base, today: '2026-11-25', newDueDate: '2026-12-01' }).ok).toBe(
			true
		);
		expect(checkExtension({ ...base, today: '2026-11-26' }).refusal).toBe('termino_vencido');
	});
	it('refuses a new date that is not after the current due date', () => {
		expect(checkExtension({ ...base, newDueDate: '2026-11-25' }).refusal).toBe(
			'fecha_no_posterior'
		);
	});
	it('refuses a new date that is not a día hábil', () => {
		expect(checkExtension({ ...base, newDueDate: '2026-12-08' }).refusal).toBe('fecha_no_habil');
		expect(checkExtension({ ...base, newDueDate: '2026-12-05' }).refusal).toBe('fecha_no_habil');
	});
	it('grants an extension only once and never to an answered request', () => {
		expect(checkExtension({ ...base, extended: true }).refusal).toBe('ya_prorrogada');
		expect(checkExtension({ ...base, settled: true }).refusal).toBe('solicitud_atendida');
	});
	it('refuses requests without a term in días hábiles', () => {
		expect(checkExtension({ ...base, deadline: null }).refusal).toBe('sin_plazo');
	});
});
