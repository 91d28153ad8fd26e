/**
 * Signs the moment a citizen handed a request in, on the two devices the law counts as the
 * authority receiving it: a kiosk (its enrolment's key) and a field official's device (the
 * capture pass of their session). A citizen's own device signs nothing: its request is received
 * when it reaches the server. Without a key (a kiosk enrolled by an older version, an official
 * whose device has not fetched a pass) the request goes unsigned and is dated by its arrival.
 * Browser only.
 */
import type { AppDb } from '$lib/db';
import type { HandInAttestation, Submission } from '$lib/schemas';
import { handInMac } from '$lib/crypto/hand-in-mac';
import { rememberedOfficial } from '$lib/field-work/official';
import { KIOSK_META } from '$lib/kiosk/reset';
import { kioskInfoSchema } from '$lib/schemas';

export async function attestOnDevice(
	db: AppDb,
	submission: Submission,
	filing: 'ciudadano' | 'kiosco' | 'campo'
): Promise<HandInAttestation | undefined> {
	const sign = (key: string) => handInMac(key, submission.id, submission.capturedAt);
	if (filing === 'kiosco') {
		const info = kioskInfoSchema.safeParse((await db.meta.get(KIOSK_META))?.value);
		if (!info.success || !info.data.handInKey) return undefined;
		return { channel: 'kiosco', kiosk: info.data.kioskId, mac: await sign(info.data.handInKey) };
	}
	if (filing === 'campo') {
		const pass = (await rememberedOfficial(db))?.capturePass;
		if (!pass) return undefined;
		return { channel: 'campo', pass: pass.pass, mac: await sign(pass.key) };
	}
	return undefined;
}
