import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle-timer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function make() {
	const countdown: number[] = [];
	const expired = vi.fn();
	const timer = new IdleTimer({
		idleMs: 90_000,
		countdownMs: 30_000,
		onCountdown: (s) => countdown.push(s),
		onExpire: expired
	});
	return { timer, countdown, expired };
}

describe('kiosk inactivity timer', () => {
	it('warns after the idle time, counts down every second, then ends the session once', () => {
		const { timer, countdown, expired } = make();
		timer.start();
		vi.advanceTimersByTime(89_999);
		expect(countdown).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(timer.state).toBe('warning');
		expect(countdown).toEqual([30]);
		vi.advanceTimersByTime(29_000);
		expect(countdown.at(-1)).toBe(1);
		expect(countdown).toHaveLength(30);
		expect(expired).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1_000);
		expect(expired).toHaveBeenCalledTimes(1);
		expect(timer.state).toBe('expired');
		vi.advanceTimersByTime(500_000);
		expect(expired).toHaveBeenCalledTimes(1);
	});

	it('starts the idle time again on every touch or key', () => {
		const { timer, countdown } = make();
		timer.start();
		vi.advanceTimersByTime(80_000);
		timer.activity();
		vi.advanceTimersByTime(80_000);
		expect(countdown).toEqual([]);
		vi.advanceTimersByTime(10_000);
		expect(countdown).toEqual([30]);
	});

	it('keeps counting down on stray activity; only "Continuar" goes back to watching', () => {
		const { timer, countdown, expired } = make();
		timer.start();
		vi.advanceTimersByTime(95_000);
		timer.activity();
		expect(timer.state).toBe('warning');
		timer.continue();
		expect(timer.state).toBe('watching');
		vi.advanceTimersByTime(89_000);
		expect(expired).not.toHaveBeenCalled();
		const before = countdown.length;
		vi.advanceTimersByTime(1_000);
		expect(countdown.length).toBe(before + 1);
		vi.advanceTimersByTime(30_000);
		expect(expired).toHaveBeenCalledTimes(1);
	});

	it('does nothing once stopped', () => {
		const { timer, expired, countdown } = make();
		timer.start();
		timer.stop();
		timer.activity();
		vi.advanceTimersByTime(1_000_000);
		expect(countdown).toEqual([]);
		expect(expired).not.toHaveBeenCalled();
	});
});
