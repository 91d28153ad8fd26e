/**
 * Filing on a kiosk: the finished request is sealed to the server's key and queued; what the
 * citizen needs (codes, PIN, dates) goes to the receipt on screen only, in memory.
 */
import type { AppDb } from '$lib/db';
import type { Submission, TrackingView } from '$lib/schemas';
import { legalDeadline } from '$lib/domain/deadlines';
import { type PqrsdType } from '$lib/schemas/vocab';
import { enqueueSealed } from '$lib/outbox/outbox';
import { provisionalCode } from '$lib/outbox/policy';
import { sealSubmission, type PublicSealKey } from '../crypto/seal';

/** What the receipt shows; never stored in IndexedDB. */
export interface KioskReceipt {
	id: string;
	provisionalCode: string;
	pin: string;
	formTitle: string;
	/** When the citizen sent it (device time, ISO). */
	sentAt: string;
	/** Set once the server has filed it. */
	radicado?: string;
	receivedAt?: string;
	/** When the server attests the citizen handed it in here (the term's start). */
	handedInAt?: string;
	/** The server's deadline once filed; before that, the legal term counted from today. */
	deadline: TrackingView['deadline'];
	deadlineIsEstimate: boolean;
}

export async function fileFromKiosk(
	db: AppDb,
	input: {
		draftId: string;
		formTitle: string;
		pqrsdType?: PqrsdType;
		closures: readonly string[];
		submission: Submission;
		key: PublicSealKey;
	}
): Promise<KioskReceipt> {
	const sealed = await sealSubmission(input.submission, input.key);
	await enqueueSealed(db, input.draftId, sealed);
	const sentAt = new Date(input.submission.capturedAt);
	const estimate = input.pqrsdType
		? legalDeadline({
				type: input.pqrsdType,
				receivedAt: sentAt,
				calendar: { closures: [...input.closures] }
			})
		: null;
	return {
		id: sealed.id,
		provisionalCode: provisionalCode(sealed.id),
		pin: input.submission.pin,
		formTitle: input.formTitle,
		sentAt: sentAt.toISOString(),
		deadline: estimate && {
			receivedDate: estimate.receivedDate,
			dueDate: estimate.dueDate,
			businessDays: estimate.businessDays,
			legalBasis: estimate.legalBasis
		},
		deadlineIsEstimate: true
	};
}
