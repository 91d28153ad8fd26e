import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The `limites` database as a sorted map of ids to revisions, behind the client's calls. */
const docs = new Map<string, string>();
let writes = 0;

vi.mock('$lib/server/crypto/server-secret', async () => {
	const { createHash } = await import('node:crypto');
	return {
		derive: async (purpose: string, value: string) =>
			createHash('sha256').update(`${purpose}|${value}`).digest()
	};
});
vi.mock('$lib/server/couch', () => ({
	DB: { limits: 'limites' },
	couch: () => ({
		put: async (_db: string, doc: { _id: string; _rev?: string; _deleted?: boolean }) => {
			writes++;
			if (doc._deleted) docs.delete(doc._id);
			else docs.set(doc._id, '1-a');
			return { id: doc._id, rev: '1-a' };
		},
		json: async (path: string) => {
			const q = new URL(path, 'http://x').searchParams;
			const start = JSON.parse(q.get('startkey') ?? '""') as string;
			const end = JSON.parse(q.get('endkey') ?? '""') as string;
			const limit = Number(q.get('limit') ?? Infinity);
			const ids = [...docs.keys()].filter((id) => id >= start && id <= end).sort();
			return { rows: ids.slice(0, limit).map((id) => ({ id, value: { rev: docs.get(id) } })) };
		},
		bulkDocs: async (_db: string, gone: Array<{ _id: string }>) =>
			gone.map((d) => (docs.delete(d._id) ? { id: d._id } : { id: d._id, error: 'not_found' }))
	})
}));

const { SharedLimit, sweepSharedLimits } = await import('./shared-limit');

beforeEach(() => {
	docs.clear();
	writes = 0;
});

const T0 = Date.parse('2026-03-02T15:00:00Z');

describe('SharedLimit', () => {
	it('allows the uses each window holds and says when the next would fit', async () => {
		const limit = new SharedLimit({
			name: 'prueba-ventanas',
			windows: [
				{ seconds: 60, max: 3 },
				{ seconds: 3600, max: 5 }
			]
		});
		const waits = [];
		for (let i = 0; i < 4; i++) waits.push((await limit.take('a', 1, T0 + i * 1000)).wait);
		// The 4th in a minute waits until the first leaves the minute window (60 − 3 s).
		expect(waits).toEqual([0, 0, 0, 57]);
		limit.forgetLocal();
		expect((await limit.take('a', 1, T0 + 61_000)).wait).toBe(0);
		limit.forgetLocal();
		// 6 uses in the hour now (the refused one counts): the hour window shuts.
		expect((await limit.take('a', 1, T0 + 122_000)).wait).toBeGreaterThan(3000);
		expect((await limit.take('b', 1, T0 + 122_000)).wait).toBe(0);
	});

	it('counts uses of n at once, and gives a use back', async () => {
		const limit = new SharedLimit({ name: 'prueba-lotes', windows: [{ seconds: 60, max: 50 }] });
		expect((await limit.take('a', 50, T0)).wait).toBe(0);
		const over = await limit.take('a', 1, T0 + 10);
		expect(over.wait).toBeGreaterThan(0);
		limit.forgetLocal();
		await limit.refund(over);
		const refunded = await limit.take('b', 1, T0);
		await limit.refund(refunded);
		expect([...docs.keys()].filter((id) => id.startsWith('prueba-lotes:')).length).toBe(1);
	});

	it('refuses a shut key without asking the store again', async () => {
		const limit = new SharedLimit({ name: 'prueba-cerrada', windows: [{ seconds: 60, max: 1 }] });
		await limit.take('a', 1, T0);
		expect((await limit.take('a', 1, T0 + 1)).wait).toBeGreaterThan(0);
		const before = writes;
		for (let i = 0; i < 100; i++) await limit.take('a', 1, T0 + 2 + i);
		expect(writes).toBe(before);
	});

	it('keeps no address in clear in the store', async () => {
		const limit = new SharedLimit({ name: 'prueba-claves', windows: [{ seconds: 60, max: 5 }] });
		await limit.take('190.85.4.12', 1, T0);
		expect([...docs.keys()].join()).not.toContain('190.85.4.12');
	});
});

describe('sweepSharedLimits', () => {
	it('deletes uses older than their limit’s longest window and keeps the others', async () => {
		const limit = new SharedLimit({ name: 'prueba-barrido', windows: [{ seconds: 60, max: 10 }] });
		await limit.take('a', 1, T0);
		await limit.take('b', 1, T0 + 50_000);
		await limit.take('c', 1, T0 + 70_000);
		const removed = await sweepSharedLimits(T0 + 100_000);
		expect(removed).toBe(1);
		expect([...docs.keys()].filter((id) => id.startsWith('prueba-barrido:')).length).toBe(2);
	});
});
