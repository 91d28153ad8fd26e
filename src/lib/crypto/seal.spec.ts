import { describe, expect, it } from 'vitest';
import type { Submission } from '$lib/schemas';
import { unseal } from '$lib/server/kiosk/unseal';
import {
	fromBase64,
	keyIdOf,
	RSA_PARAMS,
	sealSubmission,
	toBase64,
	type SealedSubmission
} from './seal';

const submission: Submission = {
	id: '3f2a9c1b-1111-4222-8333-444455556666',
	form: 'queja',
	capturedAt: '2026-11-24T10:00:00.000Z',
	anonymous: false,
	applicant: { name: 'Rosalba Quinchoa', documentType: 'CC', documentNumber: '1122334455' },
	values: { asunto: 'Alumbrado' },
	attachments: [],
	pin: '123456'
};

async function keyPair() {
	const pair = await crypto.subtle.generateKey(
		{ ...RSA_PARAMS, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
		true,
		['wrapKey', 'unwrapKey']
	);
	const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
	const kid = await keyIdOf(spki);
	return { pub: { kid, spki: toBase64(spki) }, priv: { kid, privateKey: pair.privateKey } };
}

const parts = (s: SealedSubmission, over: Partial<Record<string, unknown>> = {}) => ({
	version: String(s.v),
	kid: s.kid,
	key: s.key,
	iv: s.iv,
	id: s.id,
	data: new Uint8Array(s.data),
	...over
});

describe('sealing a kiosk request', () => {
	it('opens on the server to exactly the submission, and holds nothing readable', async () => {
		const { pub, priv } = await keyPair();
		const sealed = await sealSubmission(submission, pub);
		const stored = JSON.stringify({ ...sealed, data: toBase64(sealed.data) });
		expect(stored).not.toContain('Rosalba');
		expect(new TextDecoder().decode(sealed.data)).not.toContain('Rosalba');
		expect(stored).not.toContain('123456');
		expect(await unseal(parts(sealed), priv)).toEqual({ ok: true, value: submission });
	});

	it('gives a different envelope each time for the same request', async () => {
		const { pub } = await keyPair();
		const a = await sealSubmission(submission, pub);
		const b = await sealSubmission(submission, pub);
		expect(a.key).not.toBe(b.key);
		expect(toBase64(a.data)).not.toBe(toBase64(b.data));
	});

	it('refuses a tampered ciphertext, another id, another key and a damaged wrapped key', async () => {
		const { pub, priv } = await keyPair();
		const other = await keyPair();
		const sealed = await sealSubmission(submission, pub);
		const flipped = new Uint8Array(sealed.data.slice(0));
		flipped[5] = flipped[5]! ^ 0x01;
		const wrapped = fromBase64(sealed.key);
		wrapped[10] = wrapped[10]! ^ 0xff;
		expect(await unseal(parts(sealed, { data: flipped }), priv)).toEqual({ ok: false });
		expect(
			await unseal(parts(sealed, { id: '3f2a9c1b-1111-4222-8333-000000000000' }), priv)
		).toEqual({ ok: false });
		expect(await unseal(parts(sealed), { ...other.priv, kid: pub.kid })).toEqual({ ok: false });
		expect(await unseal(parts(sealed, { key: toBase64(wrapped) }), priv)).toEqual({ ok: false });
		expect(await unseal(parts(sealed, { version: '2' }), priv)).toEqual({ ok: false });
		expect(await unseal(parts(sealed, { iv: 'no base64!' }), priv)).toEqual({ ok: false });
	});
});
