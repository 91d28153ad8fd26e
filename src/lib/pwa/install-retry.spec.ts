import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retryFailedInstall } from './install-retry';

/** A registration whose worker is installing, and that can be told how the install ends. */
function installingRegistration() {
	const worker = Object.assign(new EventTarget(), { state: 'installing' as ServiceWorkerState });
	const registration = { active: null, installing: worker, waiting: null } as unknown as {
		active: unknown;
		installing: typeof worker | null;
		waiting: null;
	};
	const end = (state: 'activated' | 'redundant') => {
		registration.installing = null;
		if (state === 'activated') registration.active = worker;
		worker.state = state;
		worker.dispatchEvent(new Event('statechange'));
	};
	return { registration: registration as unknown as ServiceWorkerRegistration, end };
}

describe('retryFailedInstall', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('asks again after growing pauses while the first install keeps failing', async () => {
		const attempts: ReturnType<typeof installingRegistration>[] = [];
		const register = vi.fn(async () => {
			attempts.push(installingRegistration());
			return attempts.at(-1)!.registration;
		});
		const first = installingRegistration();
		retryFailedInstall(first.registration, {
			register,
			connection: new EventTarget(),
			delays: [10, 30]
		});

		first.end('redundant');
		await vi.advanceTimersByTimeAsync(9);
		expect(register).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(register).toHaveBeenCalledTimes(1);

		attempts[0]!.end('redundant');
		await vi.advanceTimersByTimeAsync(29);
		expect(register).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(register).toHaveBeenCalledTimes(2);

		// Once a worker is active nothing more is asked.
		attempts[1]!.end('activated');
		await vi.advanceTimersByTimeAsync(1000);
		expect(register).toHaveBeenCalledTimes(2);
	});

	it('asks at once when the connection comes back, and only once per failure', async () => {
		const register = vi.fn(async () => installingRegistration().registration);
		const connection = new EventTarget();
		const first = installingRegistration();
		retryFailedInstall(first.registration, { register, connection, delays: [60_000] });

		first.end('redundant');
		connection.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(0);
		expect(register).toHaveBeenCalledTimes(1);
		// The pause's timer was cancelled, and a second `online` finds nothing to retry.
		connection.dispatchEvent(new Event('online'));
		await vi.advanceTimersByTimeAsync(60_000);
		expect(register).toHaveBeenCalledTimes(1);
	});

	it('leaves a registration that installed alone', async () => {
		const register = vi.fn(async () => installingRegistration().registration);
		const first = installingRegistration();
		retryFailedInstall(first.registration, { register, connection: new EventTarget() });
		first.end('activated');
		await vi.advanceTimersByTimeAsync(3_600_000);
		expect(register).not.toHaveBeenCalled();
	});

	it('keeps asking when registering itself fails (offline)', async () => {
		let calls = 0;
		const register = vi.fn(async () => {
			calls += 1;
			if (calls === 1) throw new TypeError('Failed to fetch');
			return installingRegistration().registration;
		});
		const first = installingRegistration();
		retryFailedInstall(first.registration, {
			register,
			connection: new EventTarget(),
			delays: [10]
		});
		first.end('redundant');
		await vi.advanceTimersByTimeAsync(10);
		expect(register).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(10);
		expect(register).toHaveBeenCalledTimes(2);
	});
});
