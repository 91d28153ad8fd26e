/**
 * When the municipality received a request. A citizen's own device files it when it reaches the
 * server: that is the receipt. At a kiosk of the alcaldía or in a vereda with a field official,
 * the citizen hands the petition to the authority (Ley 1755 art. 15, Decreto 1166 de 2016): the
 * term runs from that moment, however late the device finds signal (legal review 2.4) — but
 * only when the moment is attested, never on a device's bare word. The radicado keeps its own
 * instant, the one the server numbered it at ("radicada el").
 */
import { HAND_IN } from '$lib/policy';

/** Why a capture time was not believed (the term then runs from the arrival). */
export const HAND_IN_REASONS = [
	/** No attestation, or one that does not verify (another key, altered time or id). */
	'firma_invalida',
	/** Before the kiosk was enrolled or after it was revoked. */
	'kiosco_inactivo',
	/** Before the official's session began or after it ended. */
	'fuera_de_sesion',
	/** Filed by another official than the one whose session captured it. */
	'otro_funcionario',
	/** Later than the arrival, beyond the clocks' tolerance. */
	'hora_futura',
	/** Older than the longest wait believed (`HAND_IN.maxAgeDays`). */
	'demasiado_antigua'
] as const;
export type HandInReason = (typeof HAND_IN_REASONS)[number];

export type HandInChannel = 'kiosco' | 'campo';

export type HandInJudgement = { attested: true } | { attested: false; reason: HandInReason };

const DAY_MS = 86_400_000;

/**
 * Judges the instant a device says the citizen handed the request in, against the window in
 * which the attesting kiosk or session was valid and the request's arrival at the server.
 * The signature itself is checked by the caller (`signatureOk`).
 */
export function judgeHandIn(input: {
	claimedAt: Date;
	arrivedAt: Date;
	signatureOk: boolean;
	channel: HandInChannel;
	/** When the kiosk's enrolment or the official's session began. */
	validFrom: Date;
	/** When it ended (revocation, sign-out, expiry); absent while it stands. */
	validUntil?: Date;
}): HandInJudgement {
	const claimed = input.claimedAt.getTime();
	const arrived = input.arrivedAt.getTime();
	if (!input.signatureOk || Number.isNaN(claimed)) return refuse('firma_invalida');
	if (claimed > arrived + HAND_IN.skewMs) return refuse('hora_futura');
	if (arrived - claimed > HAND_IN.maxAgeDays * DAY_MS) return refuse('demasiado_antigua');
	const until = input.validUntil?.getTime() ?? Infinity;
	if (claimed < input.validFrom.getTime() || claimed > until) {
		return refuse(input.channel === 'kiosco' ? 'kiosco_inactivo' : 'fuera_de_sesion');
	}
	return { attested: true };
}

const refuse = (reason: HandInReason): HandInJudgement => ({ attested: false, reason });

/** What a filed request records about its hand-in (see `requestDocSchema.handedIn`). */
export interface HandedIn {
	channel: HandInChannel;
	attested: boolean;
	reason?: HandInReason;
}

/**
 * The instant the term runs from: the attested hand-in ("recibida el"), else the radicado's
 * instant ("radicada el").
 */
export function receiptInstant(request: {
	capturedAt: string;
	receivedAt: string;
	handedIn?: HandedIn;
}): string {
	return request.handedIn?.attested ? request.capturedAt : request.receivedAt;
}
