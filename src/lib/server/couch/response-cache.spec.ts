import { describe, expect, it, vi } from 'vitest';

// A fresh module per test: the sequence is module state.
const fresh = async () => {
	vi.resetModules();
	return import('./response-cache');
};

describe('currentSeq', () => {
	it('asks the store again after a failed read instead of keeping the failure', async () => {
		const { currentSeq } = await fresh();
		const down = vi.fn(async (): Promise<string> => {
			throw new Error('ECONNREFUSED');
		});
		await expect(currentSeq(down)).rejects.toThrow('ECONNREFUSED');
		await expect(currentSeq(down)).rejects.toThrow('ECONNREFUSED');
		expect(down).toHaveBeenCalledTimes(2);
		// The store is back: the very next caller gets its sequence.
		await expect(currentSeq(async () => '42-abc')).resolves.toBe('42-abc');
	});

	it('shares one read between callers that arrive together, and trusts it for a second', async () => {
		const { currentSeq } = await fresh();
		let release!: (v: string) => void;
		const read = vi.fn(() => new Promise<string>((r) => (release = r)));
		const both = Promise.all([currentSeq(read), currentSeq(read)]);
		release('7');
		expect(await both).toEqual(['7', '7']);
		expect(await currentSeq(read)).toBe('7');
		expect(read).toHaveBeenCalledTimes(1);
	});

	it('lets callers that shared a failed read fail together, and the next one retry', async () => {
		const { currentSeq } = await fresh();
		let fail!: (e: Error) => void;
		const read = vi.fn(() => new Promise<string>((_, reject) => (fail = reject)));
		const both = Promise.allSettled([currentSeq(read), currentSeq(read)]);
		fail(new Error('timeout'));
		expect((await both).map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await currentSeq(async () => '8')).toBe('8');
	});
});
