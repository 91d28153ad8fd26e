import { describe, expect, it, vi } from 'vitest';

/** The back-office database's sessions as the store would hold them. */
const sessions = new Map<string, Record<string, unknown>>();

vi.mock('$lib/server/limits/shared-limit', () => ({ sweepSharedLimits: async () => 3 }));
vi.mock('$lib/server/couch', () => ({
	DB: { staff: 'gestion' },
	couch: () => ({
		range: async () => [...sessions.values()],
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
	it('removes sessions past their expiry, keeps open ones, and sweeps the limits', async () => {
		session(1, '2026-06-10T11:59:59.000Z');
		session(2, '2026-06-01T00:00:00.000Z');
		session(3, '2026-06-10T12:00:01.000Z');
		expect(await houseKeep(NOW)).toEqual({ uses: 3, sessions: 2 });
		expect([...sessions.keys()]).toEqual([`sesion:${'3'.padStart(64, '0')}`]);
	});
});
