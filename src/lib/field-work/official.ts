/**
 * The official signed in on this device for field work, as the device remembers it (Dexie
 * `meta`), so /trabajo works with no signal. Browser only.
 */
import type { AppDb } from '$lib/db';

export const OFFICIAL_META = 'oficial';

export interface Official {
	username: string;
	name: string;
	roles: string[];
	dependencia?: string;
	permisos: string[];
	/** The session's capture pass (`/api/gestion/yo`): signs each capture's hand-in time. */
	capturePass?: { pass: string; key: string };
}

export async function rememberedOfficial(db: AppDb): Promise<Official | null> {
	return ((await db.meta.get(OFFICIAL_META))?.value as Official | undefined) ?? null;
}
