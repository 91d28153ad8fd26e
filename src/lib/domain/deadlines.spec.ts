import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR, type BusinessCalendar } from './business-days';
import {
	canExtend,
	isPqrsdType,
	legalDeadline,
	maxExtensionDueDate,
	PQRSD_TERMS,
	REMISSION_BASIS,
	remissionDueDate,
	remissionRulesFor,
	tramiteDeadline
} from './deadlines';
import { PQRSD_TYPES, type PqrsdType } from '../schemas/vocab';

const calendar = NATIONAL_CALENDAR;
/** Noon in Bogotá on `date`, so the Bogotá date is unambiguous. */
const noon = (date: string) => new Date(`${date}T12:00:00-05:00`);

describe('PQRSD_TERMS', () => {
	it('gives each request type its term in business days (Ley 1755 art. 14, Ley 1581 art. 14–15)', () => {
		const days = Object.fromEntries(PQRSD_TYPES.map((t) => [t, PQRSD_TERMS[t].businessDays]));
		expect(days).toEqual({
			'peticion-general': 15,
			'peticion-documentos': 10,
			consulta: 30,
			queja: 15,
			reclamo: 15,
			sugerencia: 15,
			denuncia: 15,
			'solicitud-informacion': 10,
			'consulta-datos-personales': 10,
			'reclamo-datos-personales': 15
		});
	});

	it('cites a legal basis and a label for every type', () => {
		for (const type of PQRSD_TYPES) {
			const habeasData = type.endsWith('-datos-personales');
			expect(PQRSD_TERMS[type].legalBasis).toMatch(
				habeasData ? /Ley 1581 de 2012, art. 1[45]/ : /Ley 1755 de 2015/
			);
			expect(PQRSD_TERMS[type].extension.basis).toMatch(
				habeasData ? /Ley 1581 de 2012/ : /Ley 1755 de 2015/
			);
			expect(PQRSD_TERMS[type].label.length).toBeGreaterThan(0);
		}
		expect(PQRSD_TERMS['solicitud-informacion'].legalBasis).toMatch(/Ley 1712 de 2014/);
	});

	it('recognises only the listed types', () => {
		expect(isPqrsdType('queja')).toBe(true);
		expect(isPqrsdType('felicitacion')).toBe(false);
		expect(isPqrsdType(undefined)).toBe(false);
	});
});

describe('legalDeadline', () => {
	it('runs a 15-day petición across Semana Santa 2026', () => {
		expect(
			legalDeadline({ type: 'peticion-general', receivedAt: noon('2026-03-20'), calendar })
		).toEqual({
			receivedDate: '2026-03-20',
			dueDate: '2026-04-15',
			businessDays: 15,
			legalBasis: PQRSD_TERMS['peticion-general'].legalBasis,
			extensionBusinessDays: 15
		});
	});

	it.each<[PqrsdType, string]>([
		['peticion-documentos', '2026-01-26'],
		['solicitud-informacion', '2026-01-26'],
		['queja', '2026-02-02'],
		['consulta', '2026-02-23']
	])('gives a %s received on holiday Monday 12 Jan 2026 the due date %s', (type, due) => {
		// The holiday itself is the receipt date; day 1 is Tuesday 13 Jan.
		expect(legalDeadline({ type, receivedAt: noon('2026-01-12'), calendar }).dueDate).toBe(due);
	});

	it('counts a request received on a Friday from the next Monday', () => {
		// Friday 1 Aug 2025: skips Thu 7 Aug (Boyacá) and Mon 18 Aug (Asunción, moved).
		expect(legalDeadline({ type: 'queja', receivedAt: noon('2025-08-01'), calendar }).dueDate).toBe(
			'2025-08-26'
		);
	});

	it('dates a request received at 23:30 Bogotá time by the Bogotá date, not the UTC date', () => {
		// Thursday 26 Mar 2026, 23:30 in Bogotá is already Friday 27 Mar 04:30 in UTC.
		const receivedAt = new Date('2026-03-27T04:30:00Z');
		const deadline = legalDeadline({ type: 'peticion-documentos', receivedAt, calendar });
		expect(deadline.receivedDate).toBe('2026-03-26');
		// Counting from Friday 27 Mar; the UTC date would have given 14 Apr.
		expect(deadline.dueDate).toBe('2026-04-13');
	});

	it('pushes the due date back by the municipal closure days', () => {
		const closures: BusinessCalendar = { closures: ['2026-01-13', '2026-01-14'] };
		expect(
			legalDeadline({
				type: 'peticion-documentos',
				receivedAt: noon('2026-01-12'),
				calendar: closures
			}).dueDate
		).toBe('2026-01-28');
	});

	it('refuses an unknown type and an invalid receipt instant', () => {
		expect(() =>
			legalDeadline({ type: 'felicitacion' as PqrsdType, receivedAt: noon('2026-01-12'), calendar })
		).toThrow(expect.objectContaining({ code: 'tipo_desconocido' }));
		expect(() =>
			legalDeadline({ type: 'queja', receivedAt: new Date('yesterday'), calendar })
		).toThrow(expect.objectContaining({ code: 'instante_invalido' }));
	});
});

describe('remissionDueDate (Ley 1755 art. 21)', () => {
	it('gives five días hábiles after receipt to send a request to the competent entity', () => {
		// Received Friday 20 Mar 2026; Monday 23 Mar is a holiday (San José): day 1 is Tuesday.
		expect(remissionDueDate('2026-03-20', calendar)).toBe('2026-03-30');
		expect(REMISSION_BASIS).toMatch(/art\. 21/);
	});

	it('gives a reclamo about personal data two días hábiles (Ley 1581 art. 15)', () => {
		expect(remissionDueDate('2026-03-20', calendar, 'reclamo-datos-personales')).toBe('2026-03-25');
		expect(remissionDueDate('2026-03-20', calendar, 'reclamo')).toBe('2026-03-30');
		expect(remissionRulesFor('reclamo-datos-personales').basis).toMatch(/Ley 1581.*art\. 15/);
	});
});

describe('extensions (Ley 1755 art. 14 par.)', () => {
	const original = legalDeadline({
		type: 'peticion-general',
		receivedAt: noon('2026-03-20'),
		calendar
	});

	it('allows at most double the original term, counted from receipt', () => {
		// 30 business days from 20 Mar 2026; skips Friday 1 May.
		expect(maxExtensionDueDate(original, calendar)).toBe('2026-05-07');
		const docs = legalDeadline({
			type: 'peticion-documentos',
			receivedAt: noon('2026-01-12'),
			calendar
		});
		expect(maxExtensionDueDate(docs, calendar)).toBe('2026-02-09');
	});

	it('lets habeas data go 5 (consulta) or 8 (reclamo) días hábiles past the first term, not double', () => {
		// Received on holiday Monday 12 Jan 2026: day 1 is Tuesday 13 Jan.
		const consulta = legalDeadline({
			type: 'consulta-datos-personales',
			receivedAt: noon('2026-01-12'),
			calendar
		});
		expect(consulta).toMatchObject({ dueDate: '2026-01-26', extensionBusinessDays: 5 });
		expect(maxExtensionDueDate(consulta, calendar)).toBe('2026-02-02');
		const reclamo = legalDeadline({
			type: 'reclamo-datos-personales',
			receivedAt: noon('2026-01-12'),
			calendar
		});
		expect(reclamo).toMatchObject({ dueDate: '2026-02-02', extensionBusinessDays: 8 });
		expect(maxExtensionDueDate(reclamo, calendar)).toBe('2026-02-12');
		// A request filed before the rule was stored keeps Ley 1755's double term.
		const { extensionBusinessDays: _, ...older } = original;
		expect(maxExtensionDueDate(older, calendar)).toBe('2026-05-07');
	});

	it('can be notified up to and including the original due date, not after', () => {
		expect(original.dueDate).toBe('2026-04-15');
		expect(canExtend('2026-04-14', original)).toBe(true);
		expect(canExtend('2026-04-15', original)).toBe(true);
		expect(canExtend('2026-04-16', original)).toBe(false);
	});

	it('refuses a malformed "today"', () => {
		expect(() => canExtend('15/04/2026', original)).toThrow(/today must be an existing date/);
	});
});

describe('tramiteDeadline', () => {
	const receivedAt = noon('2026-03-30'); // Monday before Semana Santa

	it('counts días hábiles like a PQRSD term', () => {
		expect(
			tramiteDeadline({ term: { kind: 'dias-habiles', value: 5 }, receivedAt, calendar })
		).toEqual({
			receivedDate: '2026-03-30',
			dueDate: '2026-04-08',
			kind: 'dias-habiles',
			value: 5
		});
	});

	it('counts días calendario straight through and ends on a business day', () => {
		const due = (value: number) =>
			tramiteDeadline({ term: { kind: 'dias-calendario', value }, receivedAt, calendar })?.dueDate;
		expect(due(1)).toBe('2026-03-31');
		// Saturday 4 Apr → Monday 6 Apr; Jueves Santo 2 Apr → Monday 6 Apr as well.
		expect(due(5)).toBe('2026-04-06');
		expect(due(3)).toBe('2026-04-06');
		expect(due(10)).toBe('2026-04-09');
	});

	it('has no due date in days for immediate and hour-based trámites', () => {
		expect(tramiteDeadline({ term: { kind: 'inmediato' }, receivedAt, calendar })).toBeNull();
		expect(tramiteDeadline({ term: { kind: 'horas', value: 4 }, receivedAt, calendar })).toBeNull();
	});

	it('refuses a day term without a whole positive value and an unknown kind', () => {
		for (const value of [undefined, 0, -2, 2.5]) {
			expect(() =>
				tramiteDeadline({ term: { kind: 'dias-habiles', value }, receivedAt, calendar })
			).toThrow(expect.objectContaining({ code: 'numero_invalido' }));
		}
		expect(() =>
			tramiteDeadline({
				term: { kind: 'semanas' } as unknown as { kind: 'inmediato' },
				receivedAt,
				calendar
			})
		).toThrow(expect.objectContaining({ code: 'tipo_desconocido' }));
	});
});
