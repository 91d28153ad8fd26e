import { describe, expect, it, vi } from 'vitest';

/** The back-office database's sessions as the store would hold them. */
const sessions = new Map<string, Record<string, unknown>>();

vi.mock('$lib/server/limits/shared-limit', () => ({ sweepSharedLimits: async () => 3 }));
vi.mock('$lib/server/requests/staged-uploads', () => ({ sweepStagedUploads: async () => 4 }));
vi.mock('$lib/server/couch', () => ({
	DB: { staff: 'gestion' },
	couch: () => ({
		range: async (_db: string, start: string, end: string) =>
			[...sessions.values()].filter((d) => String(d._id) >= start && String(d._id) <= end),
		bulkDocs: async (_db: string, docs: Array<{ _id: string }>) =>
			docs.map((d) => (sessions.delete(d._id) ? { id: d._id } : { id: d._id, error: 'not_found' }))
	})
}));

const { houseKeep } = await import('./housekeeping');

const NOW = Date.parse('2026-06-10T12:00:00Z');
const session = (n: number, expiresAt: string) => {
	const _id = `sesion:${String(n).padStart(64, '0')}`;
	sessions.set(_id, {
		_id,
		_rev: '1-a',
		type: 'sesion',
		username: 'maria.gomez',
		createdAt: '2026-06-09T12:00:00.000Z',
		expiresAt
	});
};

describe('houseKeep', () => {
	it('removes sessions past their expiry, keeps open ones, and sweeps the limits and stale attachment pieces', async () => {
		session(1, '2026-06-10T11:59:59.000Z');
		session(2, '2026-06-01T00:00:00.000Z');
		session(3, '2026-06-10T12:00:01.000Z');
		expect(await houseKeep(NOW)).toEqual({ uses: 3, sessions: 2, sessionEnds: 0, pieces: 4 });
		expect([...sessions.keys()]).toEqual([`sesion:${'3'.padStart(64, '0')}`]);
	});

	it('keeps a session’s end while a capture made under it can still arrive, then removes it', async () => {
		sessions.clear();
		const end = (n: number, endedAt: string, expiresAt?: string) => {
			const _id = `sesion-fin:${String(n).padStart(64, '0')}`;
			sessions.set(_id, {
				_id,
				_rev: '1-a',
				type: 'sesion-fin',
				endedAt,
				...(expiresAt ? { expiresAt } : {})
			});
		};
		// Expired 30 days and 6 minutes ago: no capture made under it is believed any more.
		end(1, '2026-05-10T10:00:00.000Z', '2026-05-11T11:54:00.000Z');
		// Expired 29 days ago: a capture from its last day may still arrive.
		end(2, '2026-05-11T10:00:00.000Z', '2026-05-12T12:00:00.000Z');
		// Recorded without its expiry: kept for the longest a session may last, then 30 days.
		end(3, '2026-04-12T12:00:00.000Z');
		end(4, '2026-03-01T12:00:00.000Z');
		expect(await houseKeep(NOW)).toEqual({ uses: 3, sessions: 0, sessionEnds: 2, pieces: 4 });
		expect([...sessions.keys()].map((k) => k.slice(-1))).toEqual(['2', '3']);
	});
});
