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

	it('trusts a slow answer only for what is left of the second since the store was asked', async () => {
		const { currentSeq } = await fresh();
		vi.useFakeTimers();
		try {
			let answer!: (v: string) => void;
			const slow = vi.fn(() => new Promise<string>((r) => (answer = r)));
			const first = currentSeq(slow);
			vi.advanceTimersByTime(1500);
			answer('7');
			expect(await first).toBe('7');
			// Asked 1.5 s ago: the next caller asks again, and waits for the answer.
			expect(await currentSeq(async () => '8')).toBe('8');
			vi.advanceTimersByTime(500);
			expect(await currentSeq(async () => '9')).toBe('8');
		} finally {
			vi.useRealTimers();
		}
	});

	it('answers the previous sequence to the callers that come while the next one is read, for up to 3 s', async () => {
		const { currentSeq } = await fresh();
		vi.useFakeTimers();
		try {
			await currentSeq(async () => '7');
			vi.advanceTimersByTime(1200);
			let answer!: (v: string) => void;
			const slow = vi.fn(() => new Promise<string>((r) => (answer = r)));
			// The caller that asks waits; the ones that come meanwhile do not, and share its read.
			const asking = currentSeq(slow);
			expect(await Promise.all([currentSeq(slow), currentSeq(slow)])).toEqual(['7', '7']);
			vi.advanceTimersByTime(1900);
			// 3.1 s since '7' was asked: too old, the caller waits for the read under way.
			const waiting = currentSeq(slow);
			answer('8');
			expect(await asking).toBe('8');
			expect(await waiting).toBe('8');
			expect(slow).toHaveBeenCalledTimes(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it('answers no earlier sequence once a read failed, until one succeeds', async () => {
		const { currentSeq } = await fresh();
		vi.useFakeTimers();
		try {
			await currentSeq(async () => '7');
			vi.advanceTimersByTime(1200);
			let fail!: (e: Error) => void;
			const failing = () => new Promise<string>((_, reject) => (fail = reject));
			const asking = currentSeq(failing);
			expect(await currentSeq(failing)).toBe('7');
			fail(new Error('ECONNREFUSED'));
			await expect(asking).rejects.toThrow('ECONNREFUSED');
			// The store is being asked again: meanwhile nobody is answered '7' any more.
			let answer!: (v: string) => void;
			const again = currentSeq(() => new Promise<string>((r) => (answer = r)));
			const meanwhile = currentSeq(async () => 'never asked');
			answer('8');
			expect(await again).toBe('8');
			expect(await meanwhile).toBe('8');
		} finally {
			vi.useRealTimers();
		}
	});

	it('after a write of this process, waits for the store even within the second', async () => {
		const { currentSeq, sequenceChanged } = await fresh();
		let answer!: (v: string) => void;
		const before = currentSeq(() => new Promise<string>((r) => (answer = r)));
		// Published while that read was under way: its answer may predate the publication.
		sequenceChanged();
		const after = currentSeq(async () => '8');
		answer('7');
		expect(await before).toBe('7');
		expect(await after).toBe('8');
		expect(await currentSeq(async () => '9')).toBe('8');
		sequenceChanged();
		expect(await currentSeq(async () => '9')).toBe('9');
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

describe('cachedJson', () => {
	const ask = (body = '', encoding = 'br') =>
		new Request('http://gate/api/sync/contenido/_bulk_get?revs=true', {
			method: 'POST',
			headers: { 'accept-encoding': encoding },
			body: body || undefined
		});
	const url = new URL('http://x/api/sync/contenido/_bulk_get?revs=true');

	it('produces an answer once for devices that ask for it at the same time', async () => {
		const { cachedJson } = await fresh();
		let release!: (text: string) => void;
		const produce = vi.fn(() => new Promise<string>((r) => (release = r)));
		const answers = Promise.all(
			[1, 2, 3].map(() => cachedJson(ask('{"docs":[]}'), 'k', '5', produce, {}, '{"docs":[]}'))
		);
		await Promise.resolve();
		release('{"results":[]}');
		const texts = await Promise.all((await answers).map((r) => r.arrayBuffer()));
		expect(produce).toHaveBeenCalledTimes(1);
		expect(new Set(texts.map((t) => Buffer.from(t).toString('base64'))).size).toBe(1);
	});

	it('does not share a refusal: each device waiting produces its own answer', async () => {
		const { cachedJson } = await fresh();
		let refuse!: (r: Response) => void;
		const produce = vi
			.fn<() => Promise<string | Response>>()
			.mockImplementationOnce(() => new Promise<Response>((r) => (refuse = r)))
			.mockResolvedValue('{"results":[]}');
		const first = cachedJson(ask(), 'k', '5', produce, {});
		const second = cachedJson(ask(), 'k', '5', produce, {});
		refuse(new Response('{"error":"bad_gateway"}', { status: 503 }));
		expect((await first).status).toBe(503);
		expect((await second).status).toBe(200);
		expect(produce).toHaveBeenCalledTimes(2);
	});

	it('replays an answer only to the same request, encoding and sequence', async () => {
		const { cachedJson, replay } = await fresh();
		const body = '{"docs":[{"id":"noticia:a"}]}';
		await cachedJson(ask(body), `canonical ${body}`, '5', async () => '{"results":[1]}', {}, body);
		const hit = replay('5', 'POST', url, body, 'gzip, br');
		expect(hit?.headers).toMatchObject({
			'content-encoding': 'br',
			'content-type': 'application/json'
		});
		expect(replay('6', 'POST', url, body, 'br')).toBeUndefined();
		expect(replay('5', 'POST', url, '{"docs":[]}', 'br')).toBeUndefined();
		expect(replay('5', 'POST', url, body, 'gzip')).toBeUndefined();
		expect(replay('5', 'GET', url, body, 'br')).toBeUndefined();
		const other = new URL('http://x/api/sync/contenido/_bulk_get?revs=false');
		expect(replay('5', 'POST', other, body, 'br')).toBeUndefined();
	});
});
