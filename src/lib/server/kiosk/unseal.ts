/**
 * Opening a sealed kiosk request on the server (format in `$lib/crypto/seal.ts`). Every way an
 * envelope can be wrong — unknown version or key, bad base64, a wrapped key that does not
 * unwrap, a ciphertext, nonce or id that fails GCM authentication, a plaintext that is not JSON
 * — is one outcome, `sellado_invalido`: the device learns nothing about which part failed.
 */
import { fromBase64, RSA_PARAMS, SEAL_VERSION } from '$lib/crypto/seal';

export interface SealedParts {
	version: string | null;
	kid: string | null;
	key: string | null;
	iv: string | null;
	id: string;
	data: Uint8Array<ArrayBuffer>;
}

export type Unsealed = { ok: true; value: unknown } | { ok: false };

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

export async function unseal(
	parts: SealedParts,
	keys: { kid: string; privateKey: CryptoKey }
): Promise<Unsealed> {
	if (parts.version !== String(SEAL_VERSION) || parts.kid !== keys.kid) return { ok: false };
	if (!parts.key || !parts.iv || !B64.test(parts.key) || !B64.test(parts.iv)) return { ok: false };
	const iv = fromBase64(parts.iv);
	if (iv.length !== 12 || parts.data.length < 17) return { ok: false };
	try {
		const aes = await crypto.subtle.unwrapKey(
			'raw',
			fromBase64(parts.key),
			keys.privateKey,
			RSA_PARAMS,
			{ name: 'AES-GCM', length: 256 },
			false,
			['decrypt']
		);
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(parts.id) },
			aes,
			parts.data
		);
		return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) };
	} catch {
		return { ok: false };
	}
}
