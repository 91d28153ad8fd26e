import { describe, expect, it } from 'vitest';
import type { Submission } from '$lib/schemas';
import { payloadHash } from './payload-hash';

const submission: Submission = {
	id: '6f1c1f4e-8a0b-4c1e-9d57-2f7e4b1a9c30',
	form: 'peticion-general',
	capturedAt: '2026-11-20T15:04:05.000Z',
	anonymous: true,
	values: { asunto: 'Puente', descripcion: 'Arreglo del puente 🌉', acepto: true },
	attachments: [],
	pin: '123456'
};

describe('payloadHash', () => {
	it('is a hex SHA-256 that does not depend on key order', () => {
		const reordered = Object.fromEntries(Object.entries(submission).reverse()) as Submission;
		expect(payloadHash(submission)).toMatch(/^[0-9a-f]{64}$/);
		expect(payloadHash(reordered)).toBe(payloadHash(submission));
	});

	it('changes with any value of the request', () => {
		const h = payloadHash(submission);
		expect(
			payloadHash({ ...submission, values: { ...submission.values, asunto: 'Puentes' } })
		).not.toBe(h);
		expect(payloadHash({ ...submission, capturedAt: '2026-11-20T15:04:06.000Z' })).not.toBe(h);
	});

	it('stays the hash stored with requests filed before (a retry must still match)', () => {
		const withPhoto: Submission = {
			...submission,
			attachments: [{ id: 'a', name: 'p.jpg', type: 'image/jpeg', size: 3, data: '/9j/' }]
		};
		expect(payloadHash(withPhoto)).toBe(
			'5707020dadc1e980cfae800bf5544ce90bcee5158d9d7928a4e22e94dd674db5'
		);
	});

	it('leaves the PIN out, so the stored hash cannot be used to find the PIN', () => {
		expect(payloadHash({ ...submission, pin: '999999' })).toBe(payloadHash(submission));
	});
});
