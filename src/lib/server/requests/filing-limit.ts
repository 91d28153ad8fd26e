/**
 * Whose allowance a filing counts against (see `$lib/server/limits/rates`): nobody's for a
 * signed-in official (field capture), the kiosk's for an enrolled kiosk, else the client
 * address's. A repeat of a request already filed gives its use back: an outbox retrying after
 * a lost answer never eats its device's allowance.
 */
import type { KioskInfo, SessionUser } from '$lib/schemas';
import { rates } from '$lib/server/limits/rates';
import type { LimitUse } from '$lib/server/limits/shared-limit';

export interface Filer {
	user: SessionUser | null;
	kiosk: KioskInfo | null;
	address: string;
}

/** Takes one filing from the filer's allowance; `wait` > 0 means refused for that long. */
export async function takeFiling(
	filer: Filer
): Promise<{ wait: number; giveBack: () => Promise<void> }> {
	if (filer.user) return { wait: 0, giveBack: async () => {} };
	const limit = filer.kiosk ? rates().filingsByKiosk : rates().filingsByAddress;
	const use: LimitUse = await limit.take(filer.kiosk ? filer.kiosk.kioskId : filer.address);
	return { wait: use.wait, giveBack: () => limit.refund(use) };
}
