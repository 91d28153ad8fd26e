import { describe, expect, it } from 'vitest';
import { handInMac, verifyHandInMac } from './hand-in-mac';
import { toBase64 } from './seal';

const key = toBase64(new Uint8Array(32).map((_, i) => i));
const other = toBase64(new Uint8Array(32).fill(7));
const id = '6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const at = '2026-03-02T14:30:00.000Z';

describe('hand-in signature', () => {
	it('verifies under the key that made it, for the same request and time only', async () => {
		const mac = await handInMac(key, id, at);
		expect(mac).toMatch(/^[A-Za-z0-9+/]{43}=$/);
		expect(await verifyHandInMac(key, id, at, mac)).toBe(true);
		expect(await verifyHandInMac(other, id, at, mac)).toBe(false);
		expect(await verifyHandInMac(key, id, '2026-03-01T14:30:00.000Z', mac)).toBe(false);
		expect(await verifyHandInMac(key, crypto.randomUUID(), at, mac)).toBe(false);
	});

	it('answers false, never throws, for a signature that is not base64', async () => {
		expect(await verifyHandInMac(key, id, at, '***')).toBe(false);
	});
});
