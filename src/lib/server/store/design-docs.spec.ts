import { describe, expect, it } from 'vitest';
import { DB } from '$lib/server/couch';
import { securityObjects } from './design-docs';

describe('security objects of the store', () => {
	it('close every database to all but the app: citizens and officials never reach the store', () => {
		const objects = securityObjects();
		for (const db of Object.values(DB)) {
			expect(objects.get(db), db).toEqual({
				admins: { names: [], roles: ['_admin'] },
				members: { names: [], roles: ['_admin'] }
			});
		}
	});
});
