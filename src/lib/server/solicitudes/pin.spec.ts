import { describe, expect, it } from 'vitest';
import { hashPin, parsePinHash, verifyAgainstNothing, verifyPin } from './pin';

describe('PIN hashing', () => {
	it('stores scrypt$N$r$p$salt$hash and verifies the right PIN only', async () => {
		const stored = await hashPin('042917');
		expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
		expect(stored).not.toContain('042917');
		expect(await verifyPin('042917', stored)).toBe(true);
		expect(await verifyPin('042918', stored)).toBe(false);
		expect(await verifyPin('', stored)).toBe(false);
	});

	it('salts every hash, so equal PINs do not give equal hashes', async () => {
		const [a, b] = await Promise.all([hashPin('111111'), hashPin('111111')]);
		expect(a).not.toBe(b);
		expect(await verifyPin('111111', b)).toBe(true);
	});

	it('answers false, without throwing, for stored values it did not write', async () => {
		for (const stored of ['', 'plain', '123456', 'scrypt$16384$8$1$x$y', 'bcrypt$10$abc']) {
			expect(await verifyPin('123456', stored)).toBe(false);
		}
	});

	it('refuses stored parameters that would turn a check into a denial of service', () => {
		const salt = 'A'.repeat(22);
		const key = 'B'.repeat(43);
		expect(parsePinHash(`scrypt$16384$8$1$${salt}$${key}`)).not.toBeNull();
		expect(parsePinHash(`scrypt$1048576$8$1$${salt}$${key}`)).toBeNull();
		expect(parsePinHash(`scrypt$16383$8$1$${salt}$${key}`)).toBeNull();
		expect(parsePinHash(`scrypt$16384$0$1$${salt}$${key}`)).toBeNull();
	});

	it('spends a verification on unknown radicados and always says no', async () => {
		expect(await verifyAgainstNothing('000000')).toBe(false);
		expect(await verifyAgainstNothing('123456')).toBe(false);
	});
});
