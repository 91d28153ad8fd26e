import { describe, expect, it } from 'vitest';
import { backoffMs, generatePin, provisionalCode, transition } from './policy';

const now = 1_000_000;
const fixed = () => 0.5;

describe('outbox policy', () => {
	it('retries after a network failure or a server error, later each time', () => {
		const first = transition({ attempts: 0 }, { kind: 'network' }, now, fixed);
		expect(first).toEqual({
			to: 'pendiente',
			attempts: 1,
			lastError: 'sin_conexion',
			nextAttemptAt: now + 5000
		});
		const third = transition({ attempts: 2 }, { kind: 'http', status: 503 }, now, fixed);
		expect(third).toMatchObject({ to: 'pendiente', attempts: 3, nextAttemptAt: now + 45_000 });
		expect(transition({ attempts: 0 }, { kind: 'http', status: 429 }, now).to).toBe('pendiente');
	});

	it("keeps a field official's capture waiting while their session has expired", () => {
		expect(
			transition({ attempts: 0 }, { kind: 'http', status: 401, code: 'sesion_requerida' }, now)
		).toMatchObject({ to: 'pendiente', lastError: 'sesion_requerida' });
		expect(transition({ attempts: 0 }, { kind: 'http', status: 401 }, now)).toMatchObject({
			to: 'pendiente',
			lastError: 'sesion_requerida'
		});
	});

	it('stops on errors a retry cannot fix, keeping the server code for the citizen', () => {
		expect(
			transition({ attempts: 0 }, { kind: 'http', status: 409, code: 'conflicto_id' }, now)
		).toEqual({ to: 'rechazada', attempts: 1, lastError: 'conflicto_id' });
		expect(transition({ attempts: 4 }, { kind: 'http', status: 400 }, now)).toEqual({
			to: 'rechazada',
			attempts: 5,
			lastError: 'http_400'
		});
	});

	it('never waits more than about 15 minutes between attempts', () => {
		expect(backoffMs(50, () => 1)).toBeLessThanOrEqual(15 * 60_000 * 1.2);
		expect(backoffMs(1, () => 0)).toBe(4000);
	});

	it('derives a short provisional code from the client id', () => {
		expect(provisionalCode('3f2a9c1b-0000-4000-8000-000000000000')).toBe('PEND-3F2A9C1B');
	});

	it('generates six-digit PINs, zero-padded', () => {
		const fake = { getRandomValues: (a: Uint32Array) => ((a[0] = 42), a) } as unknown as Crypto;
		expect(generatePin(fake)).toBe('000042');
		expect(generatePin()).toMatch(/^\d{6}$/);
	});
});
