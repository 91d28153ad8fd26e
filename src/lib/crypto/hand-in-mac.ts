/**
 * The signature a kiosk or a field official's device puts on the moment a citizen handed a
 * request in (`$lib/domain/hand-in`): HMAC-SHA-256 of the request id and `capturedAt` under a
 * key the server gave that kiosk's enrolment or that official's session, and can derive again
 * from its own secret. A citizen's phone holds no such key, so it cannot backdate a request;
 * the key is useless outside its window (the enrolment's or the session's), which the server
 * checks. WebCrypto only, the same code on the device and the server.
 */
import { fromBase64, toBase64 } from './seal';

/** What is signed: both values, with a purpose prefix so the MAC means nothing elsewhere. */
const message = (id: string, capturedAt: string) =>
	new TextEncoder().encode(`ventanilla-entrega\u0000${id}\u0000${capturedAt}`);

/** The signature of request `id` handed in at `capturedAt`, base64. */
export async function handInMac(
	keyBase64: string,
	id: string,
	capturedAt: string
): Promise<string> {
	const key = await crypto.subtle.importKey(
		'raw',
		fromBase64(keyBase64),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['sign']
	);
	return toBase64(await crypto.subtle.sign('HMAC', key, message(id, capturedAt)));
}

/** True when `mac` is the signature of `id` and `capturedAt` under the key (constant time). */
export async function verifyHandInMac(
	keyBase64: string,
	id: string,
	capturedAt: string,
	mac: string
): Promise<boolean> {
	let signature: Uint8Array<ArrayBuffer>;
	try {
		signature = fromBase64(mac);
	} catch {
		return false;
	}
	const key = await crypto.subtle.importKey(
		'raw',
		fromBase64(keyBase64),
		{ name: 'HMAC', hash: 'SHA-256' },
		false,
		['verify']
	);
	return crypto.subtle.verify('HMAC', key, signature, message(id, capturedAt));
}
