/**
 * Filing within an allowance (see `$lib/server/limits/rates`): nobody's for a signed-in official
 * (field capture), the kiosk's for an enrolled kiosk, else the client address's. Only a new
 * filing counts: a repeat of a request already filed (an outbox retrying after a lost answer)
 * and an attempt that failed on the server (a 5xx the device will retry) give their use back.
 */
import { refusal } from '$lib/errors';
import type { KioskInfo, SessionUser } from '$lib/schemas';
import { rates } from '$lib/server/limits/rates';
import type { FilingOutcome } from './file-request';

export interface Filer {
	user: SessionUser | null;
	kiosk: KioskInfo | null;
	address: string;
}

/** A filing outcome, or 429 `demasiados_intentos` with the seconds to wait. */
export type LimitedFilingOutcome = FilingOutcome & { retryAfter?: number };

/** Runs `file` if the filer's allowance has room; every filing route goes through here. */
export async function fileWithinAllowance(
	filer: Filer,
	file: () => Promise<FilingOutcome>
): Promise<LimitedFilingOutcome> {
	if (filer.user) return file();
	const limit = filer.kiosk ? rates().filingsByKiosk : rates().filingsByAddress;
	const use = await limit.take(filer.kiosk ? filer.kiosk.kioskId : filer.address);
	if (use.wait) return { ...refusal('demasiados_intentos'), retryAfter: use.wait };
	let outcome: FilingOutcome;
	try {
		outcome = await file();
	} catch (e) {
		await limit.refund(use).catch(() => {});
		throw e;
	}
	if (outcome.ok && outcome.status === 200) await limit.refund(use);
	return outcome;
}
