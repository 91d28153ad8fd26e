import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	hashesWaiting,
	hashSecret,
	HashingBusyError,
	withHashSlot,
	MAX_CITIZENS_WAITING,
	parseScryptHash,
	verifyAgainstNothing,
	verifySecret
} from './scrypt-hash';

describe('PIN hashing', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	it('stores scrypt$N$r$p$salt$hash and verifies the right PIN only', async () => {
		const stored = await hashSecret('042917', 'citizen');
		expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
		expect(stored).not.toContain('042917');
		expect(await verifySecret('042917', stored, 'citizen')).toBe(true);
		expect(await verifySecret('042918', stored, 'citizen')).toBe(false);
		expect(await verifySecret('', stored, 'citizen')).toBe(false);
	});

	it('makes new hashes with the configured work factor and still verifies older ones', async () => {
		const before = await hashSecret('042917', 'citizen');
		vi.stubEnv('SCRYPT_N', '1024');
		const cheaper = await hashSecret('042917', 'citizen');
		expect(cheaper).toMatch(/^scrypt\$1024\$8\$1\$/);
		expect(await verifySecret('042917', cheaper, 'citizen')).toBe(true);
		expect(await verifySecret('042917', before, 'citizen')).toBe(true);
	});

	it('salts every hash, so equal PINs do not give equal hashes', async () => {
		const [a, b] = await Promise.all([
			hashSecret('111111', 'citizen'),
			hashSecret('111111', 'citizen')
		]);
		expect(a).not.toBe(b);
		expect(await verifySecret('111111', b, 'citizen')).toBe(true);
	});

	it('answers false, without throwing, for stored values it did not write', async () => {
		for (const stored of ['', 'plain', '123456', 'scrypt$16384$8$1$x$y', 'bcrypt$10$abc']) {
			expect(await verifySecret('123456', stored, 'citizen')).toBe(false);
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
		expect(await verifyAgainstNothing('000000', 'citizen')).toBe(false);
		expect(await verifyAgainstNothing('123456', 'citizen')).toBe(false);
	});
});

describe('the hashing queue', () => {
	it("runs an official's hash at once, with citizens' slots busy and citizens waiting", async () => {
		const started: string[] = [];
		const releases: Array<() => void> = [];
		const job = (name: string) => () => {
			started.push(name);
			return new Promise<void>((r) => releases.push(r));
		};
		// Both citizens' slots busy, three citizens waiting, then an official.
		const all = [
			withHashSlot('citizen', job('running-1')),
			withHashSlot('citizen', job('running-2')),
			withHashSlot('citizen', job('citizen-1')),
			withHashSlot('citizen', job('citizen-2')),
			withHashSlot('citizen', job('citizen-3')),
			withHashSlot('staff', job('staff'))
		];
		expect(hashesWaiting()).toEqual({ staff: 0, citizen: 3 });
		expect(started).toEqual(['running-1', 'running-2', 'staff']);
		// Citizens then take the slots in the order they came.
		while (releases.length) {
			releases.shift()?.();
			await new Promise((r) => setTimeout(r, 0));
		}
		await Promise.all(all);
		expect(started.slice(3)).toEqual(['citizen-1', 'citizen-2', 'citizen-3']);
	});

	it("hashes citizens' PINs on threads of low CPU priority", async () => {
		const { Worker } = await import('node:worker_threads');
		const { readdirSync, readFileSync } = await import('node:fs');
		const spawned = vi.spyOn(Worker.prototype, 'postMessage');
		const stored = await hashSecret('135790', 'citizen');
		expect(await verifySecret('135790', stored, 'citizen')).toBe(true);
		expect(spawned).toHaveBeenCalled();
		spawned.mockRestore();
		// Linux: some thread of this process now runs 10 below its priority (nice: stat field 19).
		const niceOf = (path: string) =>
			Number(readFileSync(path, 'utf8').split(') ')[1]!.split(' ')[16]);
		const own = niceOf('/proc/thread-self/stat');
		const threads = readdirSync('/proc/self/task').map((tid) =>
			niceOf(`/proc/self/task/${tid}/stat`)
		);
		expect(threads).toContain(Math.min(19, own + 10));
	});

	it("refuses citizens' checks at once beyond the queue's bound, and serves them again after", async () => {
		const flood = Array.from({ length: MAX_CITIZENS_WAITING + 40 }, (_, i) =>
			verifyAgainstNothing(String(200000 + i), 'citizen').then(
				() => 'checked',
				(e: unknown) => (e instanceof HashingBusyError ? 'busy' : 'error')
			)
		);
		const outcomes = await Promise.all(flood);
		expect(outcomes.filter((o) => o === 'busy').length).toBeGreaterThanOrEqual(38);
		expect(outcomes).not.toContain('error');
		expect(await verifyAgainstNothing('123456', 'citizen')).toBe(false);
	}, 60_000);
});
