import { describe, expect, it } from 'vitest';
import { DECLINE_DAYS, mayInviteAgain } from './install-invite.svelte';

describe('mayInviteAgain', () => {
	const now = new Date('2026-12-05T12:00:00Z');
	const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

	it('invites a device that never declined', () => {
		expect(mayInviteAgain(null, now)).toBe(true);
	});

	it(`waits ${DECLINE_DAYS} days after a "no"`, () => {
		expect(mayInviteAgain(daysAgo(1), now)).toBe(false);
		expect(mayInviteAgain(daysAgo(DECLINE_DAYS - 0.01), now)).toBe(false);
		expect(mayInviteAgain(daysAgo(DECLINE_DAYS), now)).toBe(true);
	});

	it('treats an unreadable stored date as no answer', () => {
		expect(mayInviteAgain('ayer', now)).toBe(true);
	});
});
