/**
 * Sending a finished form from a device: the request goes into the outbox (sealed to the
 * server's key on a kiosk, so the next person cannot read it) in one transaction with the end
 * of its draft, and the outbox sends it now if there is a connection and whenever it returns.
 * Returns where the citizen goes next. Browser only.
 */
import type { AppDb, DraftRow } from '$lib/db';
import type { ContentDocOf } from '$lib/schemas';
import { submissionSchema } from '$lib/schemas';
import { buildSubmission } from '$lib/outbox/build-submission';
import { attestOnDevice } from '$lib/outbox/hand-in-attestation';
import { enqueue } from '$lib/outbox/outbox';
import { generatePin } from '$lib/outbox/policy';
import { outbox, registerBackgroundSync } from '$lib/state/outbox.svelte';

export type Filing = 'ciudadano' | 'kiosco' | 'campo';

/** The page each kind of filing ends on (its code is preloaded while the form is open). */
export const NEXT_PAGE: Record<Filing, string> = {
	ciudadano: '/mis-solicitudes',
	kiosco: '/kiosco/recibo',
	campo: '/trabajo'
};

/** The modules a kiosk filing needs, loaded while the form is open (the link may drop). */
export const kioskModules = () =>
	Promise.all([import('$lib/state/kiosk.svelte'), import('$lib/kiosk/file')]);

/** Thrown when a kiosk has not received the server's key yet: it cannot seal. */
export class KioskNotReady extends Error {
	constructor() {
		super('kiosco_no_listo');
	}
}

export async function fileOnDevice(
	db: AppDb,
	input: {
		form: Pick<ContentDocOf<'formulario'>, 'title' | 'pqrsdType'>;
		draft: DraftRow;
		filing: Filing;
		/** Days the alcaldía is closed (for the kiosk receipt's estimated deadline). */
		closures: readonly string[];
		now?: Date;
	}
): Promise<string> {
	const { form, draft, filing } = input;
	const built = await buildSubmission(draft, generatePin(), input.now ?? new Date());
	const attestation = await attestOnDevice(db, built, filing);
	const submission = submissionSchema.parse(attestation ? { ...built, attestation } : built);
	if (filing === 'kiosco') {
		const [{ kiosk }, { fileFromKiosk }] = await kioskModules();
		const key = await kiosk.publicKey();
		if (!key) throw new KioskNotReady();
		kiosk.setReceipt(
			await fileFromKiosk(db, {
				draftId: draft.id,
				formTitle: form.title,
				pqrsdType: form.pqrsdType,
				closures: input.closures,
				submission,
				key
			})
		);
	} else {
		await enqueue(db, { id: draft.id, formTitle: form.title }, submission);
	}
	void registerBackgroundSync();
	// Sends now if there is a connection, and from now on whenever it returns.
	outbox.start();
	void outbox.flush();
	// The citizen's list and the field workspace open on this request's code and PIN.
	if (filing === 'ciudadano') return `${NEXT_PAGE.ciudadano}?nueva=${draft.id}`;
	if (filing === 'campo') return `${NEXT_PAGE.campo}?entregar=${draft.id}`;
	return NEXT_PAGE[filing];
}
