import { describe, expect, it } from 'vitest';
import { hashSecret, parseScryptHash, verifyAgainstNothing, verifySecret } from './scrypt-hash';

describe('PIN hashing', () => {
	it('stores scrypt$N$r$p$salt$hash and verifies the right PIN only', async () => {
		const stored = await hashSecret('042917');
		expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
		expect(stored).not.toContain('042917');
		expect(await verifySecret('042917', stored)).toBe(true);
		expect(await verifySecret('042918', stored)).toBe(false);
		expect(await verifySecret('', stored)).toBe(false);
	});

	it('salts every hash, so equal PINs do not give equal hashes', async () => {
		const [a, b] = await Promise.all([hashSecret('111111'), hashSecret('111111')]);
		expect(a).not.toBe(b);
		expect(await verifySecret('111111', b)).toBe(true);
	});

	it('answers false, without throwing, for stored values it did not write', async () => {
		for (const stored of ['', 'plain', '123456', 'scrypt$16384$8$1$x$y', 'bcrypt$10$abc']) {
			expect(await verifySecret('123456', stored)).toBe(false);
		}
	});

	it('refuses stored parameters that would turn a check into a denial of service', () => {
		const salt = 'A'.repeat(22);
		const key = 'B'.repeat(43);
		expect(parseScryptHash(`scrypt$16384$8$1$${salt}$${key}`)).not.toBeNull();
		expect(parseScryptHash(`scrypt$1048576$8$1$${salt}$${key}`)).toBeNull();
		expect(parseScryptHash(`scrypt$16383$8$1$${salt}$${key}`)).toBeNull();
		expect(parseScryptHash(`scrypt$16384$0$1$${salt}$${key}`)).toBeNull();
	});

	it('spends a verification on unknown radicados and always says no', async () => {
		expect(await verifyAgainstNothing('000000')).toBe(false);
		expect(await verifyAgainstNothing('123456')).toBe(false);
	});
});
