import { describe, expect, it, vi } from 'vitest';

vi.mock('$lib/server/couch', () => ({
	DB: { requests: 'solicitudes' },
	couch: () => ({ info: async () => ({ doc_count: 0, update_seq: '7-x' }) })
}));
vi.mock('$lib/server/content/repo', () => ({ contentSeq: async () => '12-x' }));
vi.mock('./datasets', () => ({
	COLUMNS: { tramites: ['nombre', 'enlace'] },
	tramiteRows: async (origin: string) => ({
		rows: [{ nombre: 'Licencia', enlace: `${origin}/tramites/licencia` }],
		lastModified: null
	})
}));

const { openDataFile, openDataFilesKept } = await import('./files');

describe('openDataFile', () => {
	it('writes absolute links for the host asked, and keeps at most 32 files whatever the hosts', async () => {
		const file = await openDataFile('tramites', 'csv', 'https://a.example');
		expect(file.body).toContain('https://a.example/tramites/licencia');
		for (let i = 0; i < 500; i++) {
			await openDataFile('tramites', 'csv', `https://h${i}.ataque.example`);
		}
		expect(openDataFilesKept()).toBe(32);
	});
});
