/**
 * Sealing a kiosk's queued request so the next person at the screen cannot read it.
 *
 * Why this design: a kiosk must keep a request filed offline until it is sent (never lose it),
 * yet the next citizen must not be able to read it (devtools, a crash dump, a stolen device).
 * The device therefore encrypts the submission to the server before it is stored: a random
 * AES-256-GCM key per request encrypts the JSON, and that key is wrapped with the server's
 * RSA-OAEP public key (fetched at enrollment). The device never holds a key that can open what
 * it has stored — after sealing, only the server can read it. The request id travels in clear
 * (the outbox needs it to be idempotent) and is bound to the ciphertext as GCM additional
 * data, so an envelope cannot be replayed under another id. WebCrypto only: no library.
 */
import type { Submission } from '$lib/schemas';

/** Version of the envelope format (and of the algorithms below). */
export const SEAL_VERSION = 1;
export const RSA_PARAMS = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;
const AES = 'AES-GCM';

/** What the device stores and sends: nothing readable but the id. */
export interface SealedSubmission {
	v: typeof SEAL_VERSION;
	id: string;
	/** Which server key sealed it: first 16 hex digits of the SHA-256 of the SPKI. */
	kid: string;
	/** The AES key, wrapped with RSA-OAEP (SHA-256), base64. */
	key: string;
	/** AES-GCM nonce, 12 bytes, base64. */
	iv: string;
	/** AES-GCM ciphertext and tag of the submission's UTF-8 JSON. */
	data: ArrayBuffer;
}

/** The server's public key as `GET /api/kiosco/clave` serves it. */
export interface PublicSealKey {
	kid: string;
	/** SubjectPublicKeyInfo (DER), base64. */
	spki: string;
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
	const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	let s = '';
	for (let i = 0; i < view.length; i += 0x8000) {
		s += String.fromCharCode(...view.subarray(i, i + 0x8000));
	}
	return btoa(s);
}

export function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
	const s = atob(b64);
	const out = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
	return out;
}

/** The key id of an SPKI: short, stable, and not secret. */
export async function keyIdOf(spki: Uint8Array<ArrayBuffer>): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
	return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Encrypts a submission to the server's public key. */
export async function sealSubmission(
	submission: Submission,
	publicKey: PublicSealKey
): Promise<SealedSubmission> {
	const rsa = await crypto.subtle.importKey('spki', fromBase64(publicKey.spki), RSA_PARAMS, false, [
		'wrapKey'
	]);
	const aes = await crypto.subtle.generateKey({ name: AES, length: 256 }, true, ['encrypt']);
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const data = await crypto.subtle.encrypt(
		{ name: AES, iv, additionalData: new TextEncoder().encode(submission.id) },
		aes,
		new TextEncoder().encode(JSON.stringify(submission))
	);
	const wrapped = await crypto.subtle.wrapKey('raw', aes, rsa, RSA_PARAMS);
	return {
		v: SEAL_VERSION,
		id: submission.id,
		kid: publicKey.kid,
		key: toBase64(wrapped),
		iv: toBase64(iv),
		data
	};
}

/** Headers that carry the envelope's metadata; the body is `data`. */
export const SEAL_HEADERS = {
	version: 'x-sellado-version',
	kid: 'x-sellado-kid',
	key: 'x-sellado-clave',
	iv: 'x-sellado-iv'
} as const;

/** The request that files a sealed submission (`POST /api/kiosco/solicitudes/<id>`). */
export function sealedRequest(sealed: SealedSubmission): { url: string; init: RequestInit } {
	return {
		url: `/api/kiosco/solicitudes/${encodeURIComponent(sealed.id)}`,
		init: {
			method: 'POST',
			headers: {
				'content-type': 'application/octet-stream',
				[SEAL_HEADERS.version]: String(sealed.v),
				[SEAL_HEADERS.kid]: sealed.kid,
				[SEAL_HEADERS.key]: sealed.key,
				[SEAL_HEADERS.iv]: sealed.iv
			},
			body: sealed.data
		}
	};
}
