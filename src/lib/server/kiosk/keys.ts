/**
 * The server's key pair for sealed kiosk requests (see `$lib/crypto/seal.ts` for why). Generated
 * once, on first use, and kept in the back-office database (`gestion`, never replicated): every
 * server behind the load balancer reads the same pair, and a request sealed months ago offline
 * still opens. The private key never leaves the server.
 */
import { z } from 'zod';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { fromBase64, keyIdOf, RSA_PARAMS, toBase64, type PublicSealKey } from '$lib/crypto/seal';

const KEY_DOC_ID = 'kiosco-clave:1';

const keyDocSchema = z.object({
	_id: z.literal(KEY_DOC_ID),
	_rev: z.string().optional(),
	type: z.literal('kiosco-clave'),
	kid: z.string().regex(/^[0-9a-f]{16}$/),
	spki: z.string().min(100),
	pkcs8: z.string().min(100),
	createdAt: z.string()
});
type KeyDoc = z.infer<typeof keyDocSchema>;

export interface SealKeys {
	public: PublicSealKey;
	privateKey: CryptoKey;
}

let memo: Promise<SealKeys> | undefined;

async function loadOrCreate(): Promise<SealKeys> {
	let doc = await couch().getIfValid(DB.staff, KEY_DOC_ID, keyDocSchema);
	if (!doc) {
		// 3072-bit RSA: NIST SP 800-57 strength 128, matching the AES-256 payload key's margin.
		const pair = await crypto.subtle.generateKey(
			{ ...RSA_PARAMS, modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]) },
			true,
			['wrapKey', 'unwrapKey']
		);
		const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
		const fresh: KeyDoc = {
			_id: KEY_DOC_ID,
			type: 'kiosco-clave',
			kid: await keyIdOf(spki),
			spki: toBase64(spki),
			pkcs8: toBase64(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
			createdAt: new Date().toISOString()
		};
		try {
			await couch().put(DB.staff, fresh);
			doc = fresh;
		} catch (e) {
			// Another server created it first: everyone uses that one.
			if (!(e instanceof CouchError && e.status === 409)) throw e;
			doc = await couch().get(DB.staff, KEY_DOC_ID, keyDocSchema);
			if (!doc) throw e;
		}
	}
	const privateKey = await crypto.subtle.importKey(
		'pkcs8',
		fromBase64(doc.pkcs8),
		RSA_PARAMS,
		false,
		['unwrapKey']
	);
	return { public: { kid: doc.kid, spki: doc.spki }, privateKey };
}

/** The key pair (created on first call). */
export function sealKeys(): Promise<SealKeys> {
	memo ??= loadOrCreate().catch((e: unknown) => {
		memo = undefined;
		throw e;
	});
	return memo;
}
