import { describe, expect, it } from 'vitest';
import { bodyBytesOf, UploadBudget } from './upload-budget';
import { LIMITS } from '$lib/policy';

const MB = 1024 * 1024;

describe('UploadBudget', () => {
	it('lets large bodies in until their bytes would pass the cap, and again once one is done', () => {
		const budget = new UploadBudget(30 * MB, 256 * 1024);
		const a = budget.reserve(10 * MB);
		const b = budget.reserve(10 * MB);
		const c = budget.reserve(10 * MB);
		expect([a, b, c].every(Boolean)).toBe(true);
		expect(budget.reserve(10 * MB)).toBeNull();
		b!();
		b!(); // a second release gives nothing back twice
		expect(budget.inFlight).toBe(20 * MB);
		expect(budget.reserve(10 * MB)).not.toBeNull();
	});
	it('always lets one body in, even larger than the cap', () => {
		const budget = new UploadBudget(5 * MB, 256 * 1024);
		const release = budget.reserve(11 * MB);
		expect(release).not.toBeNull();
		expect(budget.reserve(MB)).toBeNull();
		release!();
		expect(budget.inFlight).toBe(0);
	});
	it('never counts nor refuses small bodies', () => {
		const budget = new UploadBudget(MB, 256 * 1024);
		budget.reserve(MB);
		expect(budget.reserve(1000)).not.toBeNull();
		expect(budget.inFlight).toBe(MB);
	});
});

describe('bodyBytesOf', () => {
	const post = (headers: Record<string, string>) =>
		new Request('http://x/api', {
			method: 'POST',
			headers,
			body: 'x',
			duplex: 'half'
		} as RequestInit);
	it('reads the declared length, and counts a body without one as the largest accepted', () => {
		expect(bodyBytesOf(post({ 'content-length': '2048' }))).toBe(2048);
		expect(bodyBytesOf(post({}))).toBe(LIMITS.bodyBytes);
		expect(bodyBytesOf(post({ 'content-length': String(100 * MB) }))).toBe(LIMITS.bodyBytes);
		expect(bodyBytesOf(new Request('http://x/'))).toBe(0);
	});
});
