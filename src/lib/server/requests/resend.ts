/**
 * A request form posted without JavaScript can arrive twice: on 2G the first post is filed and
 * its answer lost, and the browser posts the same form again. The second post must show the
 * same receipt, so everything the server would otherwise draw at random is derived from the
 * request id instead (the id is drawn once, when the page is rendered):
 *
 * - the PIN is an HMAC of the id and the browser's receipt key under the server secret, so the
 *   browser that sent the form gets the same PIN again, and a post of the same content from any
 *   other browser (or with cookies off) gets another PIN, which the filing module answers with
 *   the receipt but without a PIN;
 * - attachment ids come from the id, the position and the file's bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { COOKIES } from '$lib/policy';
import { derive } from '$lib/server/crypto/server-secret';

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** A day: long enough for any re-send, short enough not to identify a shared phone for long. */
const KEY_AGE_S = 24 * 60 * 60;

/**
 * The browser's receipt key, set (HttpOnly, this site only) when it has none. Set with the
 * form's page, so the first post already carries it even when its answer is lost.
 */
export function browserKey(cookies: Cookies, secure: boolean): string {
	const current = cookies.get(COOKIES.receipt);
	if (current && KEY_PATTERN.test(current)) return current;
	const key = randomBytes(32).toString('base64url');
	cookies.set(COOKIES.receipt, key, {
		path: '/formularios',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: KEY_AGE_S
	});
	return key;
}

/** The 6-digit PIN of request `id` sent from the browser holding `key`. */
export async function pinFor(id: string, key: string): Promise<string> {
	const mac = await derive('pin-sin-javascript', `${id}\u0000${key}`);
	return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** A UUID (version 8, RFC 9562) naming attachment number `index` of request `id`. */
export function attachmentId(id: string, index: number, bytes: Uint8Array): string {
	const digest = createHash('sha256').update(`${id}\u0000${index}\u0000`).update(bytes).digest();
	digest.writeUInt8((digest.readUInt8(6) & 0x0f) | 0x80, 6);
	digest.writeUInt8((digest.readUInt8(8) & 0x3f) | 0x80, 8);
	const hex = digest.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
