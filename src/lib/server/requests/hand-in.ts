/**
 * Attesting when a citizen handed a request in (`$lib/domain/hand-in` has the rule). Two
 * attesters, each with a key the server derives from its shared secret and so never stores:
 * - a kiosk: the key of its current enrolment (`kioskHandInKey`), handed to the device with its
 *   identity; valid from the enrolment until a revocation;
 * - a field official: a capture pass issued with their session (`issueCapturePass`): the
 *   session's window, signed by the server, and a key derived from the pass. A capture carries
 *   the pass of the session it was made under, so it is judged against that session even when
 *   it reaches the server under a later one (the official signed in again on their return).
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { judgeHandIn, type HandedIn } from '$lib/domain/hand-in';
import { verifyHandInMac } from '$lib/crypto/hand-in-mac';
import { isoDateTimeSchema, usernameSchema, type SessionDoc, type Submission } from '$lib/schemas';
import { derive } from '$lib/server/crypto/server-secret';
import { getKiosk } from '$lib/server/kiosk/kiosks';
import { sessionEnd } from '$lib/server/auth/sessions';

const b64url = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

/** The key a kiosk signs hand-in times with, for its current enrolment (null: not enrolled). */
export async function kioskHandInKey(kioskId: string): Promise<string | null> {
	const kiosk = await getKiosk(kioskId);
	if (!kiosk?.activatedAt) return null;
	return (await derive('kiosco-entrega', `${kiosk.id}\u0000${kiosk.activatedAt}`)).toString(
		'base64'
	);
}

const passSchema = z
	.object({
		/** The official. */
		u: usernameSchema,
		/** The session: the hex of its document id (a hash of the cookie, not the cookie). */
		s: z.string().regex(/^[0-9a-f]{64}$/),
		/** When the session began and when it expires. */
		f: isoDateTimeSchema,
		t: isoDateTimeSchema
	})
	.strict();
type Pass = z.infer<typeof passSchema>;

export interface CapturePass {
	/** `<payload>.<signature>`, base64url: what each capture carries. */
	pass: string;
	/** The key the device signs capture times with, base64. */
	key: string;
}

const passKey = async (pass: string) =>
	(await derive('pase-captura-clave', pass)).toString('base64');

/** The capture pass of a session (the same on every server, for the whole session). */
export async function issueCapturePass(session: SessionDoc): Promise<CapturePass> {
	const payload = b64url(
		JSON.stringify({
			u: session.username,
			s: session._id.slice('sesion:'.length),
			f: session.createdAt,
			t: session.expiresAt
		} satisfies Pass)
	);
	const pass = `${payload}.${b64url(await derive('pase-captura', payload))}`;
	return { pass, key: await passKey(pass) };
}

/** The pass's content when the server signed it, else null. */
async function readPass(pass: string): Promise<Pass | null> {
	const [payload, signature] = pass.split('.');
	if (!payload || !signature) return null;
	const expected = await derive('pase-captura', payload);
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	try {
		const parsed = passSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString()));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}

/**
 * What a filing records about its hand-in: nothing for a citizen's own device; for a kiosk or a
 * field capture, whether its `capturedAt` is attested (then the term runs from it) and if not,
 * why. `filer` is the official whose session sends a field capture now.
 */
export async function attestHandIn(
	submission: Submission,
	context: { channel: 'kiosco' | 'campo' | null; filer?: string; arrivedAt: Date }
): Promise<HandedIn | undefined> {
	const { channel, arrivedAt } = context;
	if (!channel) return undefined;
	const claim = submission.attestation;
	const claimedAt = new Date(submission.capturedAt);
	const unsigned: HandedIn = { channel, attested: false, reason: 'firma_invalida' };
	if (!claim || claim.channel !== channel) return unsigned;

	let window: { validFrom: Date; validUntil?: Date };
	let key: string | null;
	if (claim.channel === 'kiosco') {
		const kiosk = await getKiosk(claim.kiosk);
		key = await kioskHandInKey(claim.kiosk);
		if (!kiosk?.activatedAt || !key) return unsigned;
		window = {
			validFrom: new Date(kiosk.activatedAt),
			...(kiosk.revokedAt ? { validUntil: new Date(kiosk.revokedAt) } : {})
		};
	} else {
		const pass = await readPass(claim.pass);
		if (!pass) return unsigned;
		if (pass.u !== context.filer) return { channel, attested: false, reason: 'otro_funcionario' };
		key = await passKey(claim.pass);
		const ended = await sessionEnd(pass.s);
		const expires = Date.parse(pass.t);
		window = {
			validFrom: new Date(pass.f),
			validUntil: new Date(ended ? Math.min(Date.parse(ended), expires) : expires)
		};
	}
	const signatureOk = await verifyHandInMac(key, submission.id, submission.capturedAt, claim.mac);
	const judged = judgeHandIn({ claimedAt, arrivedAt, signatureOk, channel, ...window });
	return judged.attested ? { channel, attested: true } : { channel, ...judged };
}
