import { describe, expect, it } from 'vitest';
import { judgeHandIn, receiptInstant } from './hand-in';
import { HAND_IN } from '$lib/policy';

const at = (iso: string) => new Date(iso);
const base = {
	signatureOk: true,
	channel: 'campo' as const,
	validFrom: at('2026-03-02T12:00:00Z'),
	validUntil: at('2026-03-02T20:00:00Z'),
	arrivedAt: at('2026-03-05T15:00:00Z')
};

describe('judgeHandIn', () => {
	it('believes a signed capture inside the session, days before it arrived', () => {
		expect(judgeHandIn({ ...base, claimedAt: at('2026-03-02T14:30:00Z') })).toEqual({
			attested: true
		});
	});

	it('refuses a capture before the session began or after it ended, at the edges too', () => {
		expect(judgeHandIn({ ...base, claimedAt: at('2026-03-02T11:59:59.999Z') })).toEqual({
			attested: false,
			reason: 'fuera_de_sesion'
		});
		expect(judgeHandIn({ ...base, claimedAt: base.validUntil }).attested).toBe(true);
		expect(judgeHandIn({ ...base, claimedAt: at('2026-03-02T20:00:00.001Z') })).toMatchObject({
			reason: 'fuera_de_sesion'
		});
	});

	it('names the kiosk when its enrolment did not cover the time, and accepts an open one', () => {
		const kiosk = { ...base, channel: 'kiosco' as const, validUntil: undefined };
		expect(judgeHandIn({ ...kiosk, claimedAt: at('2026-03-01T00:00:00Z') })).toMatchObject({
			reason: 'kiosco_inactivo'
		});
		expect(judgeHandIn({ ...kiosk, claimedAt: at('2026-03-05T14:00:00Z') }).attested).toBe(true);
	});

	it('refuses an unsigned or unreadable claim before anything else', () => {
		expect(
			judgeHandIn({ ...base, signatureOk: false, claimedAt: at('2026-03-02T14:30:00Z') })
		).toMatchObject({ reason: 'firma_invalida' });
		expect(judgeHandIn({ ...base, claimedAt: new Date(NaN) })).toMatchObject({
			reason: 'firma_invalida'
		});
	});

	it('tolerates a device clock a little ahead of the server, not more', () => {
		const kiosk = { ...base, channel: 'kiosco' as const, validUntil: undefined };
		const ahead = (ms: number) => new Date(base.arrivedAt.getTime() + ms);
		expect(judgeHandIn({ ...kiosk, claimedAt: ahead(HAND_IN.skewMs) }).attested).toBe(true);
		expect(judgeHandIn({ ...kiosk, claimedAt: ahead(HAND_IN.skewMs + 1) })).toMatchObject({
			reason: 'hora_futura'
		});
	});

	it(`refuses a capture more than ${HAND_IN.maxAgeDays} days older than its arrival`, () => {
		const kiosk = { ...base, channel: 'kiosco' as const, validUntil: undefined };
		const claimedAt = at('2026-03-02T14:30:00Z');
		const limit = claimedAt.getTime() + HAND_IN.maxAgeDays * 86_400_000;
		expect(judgeHandIn({ ...kiosk, claimedAt, arrivedAt: new Date(limit) }).attested).toBe(true);
		expect(judgeHandIn({ ...kiosk, claimedAt, arrivedAt: new Date(limit + 1) })).toMatchObject({
			reason: 'demasiado_antigua'
		});
	});
});

describe('receiptInstant', () => {
	const request = { capturedAt: '2026-03-02T14:30:00Z', receivedAt: '2026-03-05T15:00:00Z' };
	it('is the hand-in when attested, else the radicado instant', () => {
		expect(receiptInstant({ ...request, handedIn: { channel: 'campo', attested: true } })).toBe(
			request.capturedAt
		);
		expect(
			receiptInstant({
				...request,
				handedIn: { channel: 'campo', attested: false, reason: 'fuera_de_sesion' }
			})
		).toBe(request.receivedAt);
		// A citizen's own device: received when it reached the server, whatever its clock said.
		expect(receiptInstant(request)).toBe(request.receivedAt);
	});
});
