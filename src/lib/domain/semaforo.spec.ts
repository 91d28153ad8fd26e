import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from './business-days';
import { semaforo } from './semaforo';

const open = { status: 'en-tramite' as const, dueDate: '2026-12-04' };
const read = (today: string, state: Parameters<typeof semaforo>[0] = open) =>
	semaforo(state, today, NATIONAL_CALENDAR);

describe('semaforo', () => {
	it('is green with more than 3 días hábiles left', () => {
		expect(read('2026-11-30')).toEqual({ light: 'a-tiempo', businessDaysLeft: 4 });
	});
	it('turns yellow within 3 días hábiles, the due date included', () => {
		expect(read('2026-12-01')).toEqual({ light: 'por-vencer', businessDaysLeft: 3 });
		expect(read('2026-12-04')).toEqual({ light: 'por-vencer', businessDaysLeft: 0 });
	});
	it('counts días hábiles, not calendar days (weekend and the Dec 8 holiday)', () => {
		// Due Wed Dec 9: from Fri Dec 4 only Mon 7 and Wed 9 are hábiles.
		expect(read('2026-12-04', { status: 'radicada', dueDate: '2026-12-09' }).light).toBe(
			'por-vencer'
		);
	});
	it('turns red the day after the due date, even on a weekend', () => {
		expect(read('2026-12-05')).toEqual({ light: 'vencida', businessDaysLeft: -1 });
		expect(read('2026-12-08').light).toBe('vencida');
	});
	it('is settled once answered or closed, whatever the date', () => {
		expect(read('2027-01-30', { status: 'respondida', dueDate: '2026-12-04' }).light).toBe(
			'atendida'
		);
		expect(read('2026-11-30', { status: 'cerrada', dueDate: null }).light).toBe('atendida');
	});
	it('says "remitida" once sent to the competent entity, even past its due date', () => {
		const remitted = { status: 'cerrada' as const, dueDate: '2026-12-04', remittedTo: {} };
		expect(semaforo(remitted, '2027-01-30', NATIONAL_CALENDAR)).toEqual({
			light: 'remitida',
			businessDaysLeft: null
		});
	});
	it('has no light without a due date', () => {
		expect(read('2026-11-30', { status: 'radicada', dueDate: null }).light).toBe('sin-plazo');
	});
});
