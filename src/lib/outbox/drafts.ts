/**
 * Drafts: a form being filled, saved on the device at every change so that a reload, a killed
 * tab or a restarted phone loses nothing. A draft's id is the id the request will be filed
 * with, so the same filling can never be filed twice. Browser only (Dexie).
 */
import type { AppDb, DraftRow } from '$lib/db';

/** Why a draft could not be saved: the device has no space left, or storage failed. */
export type DraftSaveProblem = 'almacenamiento_lleno' | 'almacenamiento_no_disponible';

/** IndexedDB's "no space left" failure, however Dexie wraps it. */
export function isStorageFull(e: unknown): boolean {
	return (
		e instanceof Error &&
		(e.name === 'QuotaExceededError' ||
			(e as { inner?: { name?: string } }).inner?.name === 'QuotaExceededError')
	);
}

/** Saves (replaces) the draft; on failure the previous copy stays as it was. */
export async function saveDraft(
	db: AppDb,
	row: DraftRow
): Promise<{ ok: true } | { ok: false; problem: DraftSaveProblem }> {
	try {
		await db.drafts.put(row);
		return { ok: true };
	} catch (e) {
		return {
			ok: false,
			problem: isStorageFull(e) ? 'almacenamiento_lleno' : 'almacenamiento_no_disponible'
		};
	}
}

/**
 * The draft to continue on a form page: the one asked for (`wanted`, from "Mis solicitudes"),
 * else the form's latest. A citizen's draft never turns into a field capture, nor the other way
 * round; a draft whose request is already queued is a leftover and is removed, never offered
 * (it would be sent again as new).
 */
export async function restoreDraft(
	db: AppDb,
	form: string,
	opts: { wanted?: string | null; fieldMode: boolean }
): Promise<DraftRow | null> {
	const draft = opts.wanted
		? await db.drafts.get(opts.wanted)
		: (await db.drafts.where('form').equals(form).sortBy('updatedAt'))
				.filter((d) => !!d.fieldCapture === opts.fieldMode)
				.at(-1);
	if (!draft) return null;
	if (await db.outbox.get(draft.id)) {
		await db.drafts.delete(draft.id);
		return null;
	}
	return draft.form === form && !!draft.fieldCapture === opts.fieldMode ? draft : null;
}

export const discardDraft = (db: AppDb, id: string) => db.drafts.delete(id);

/** Every draft on the device, latest first. */
export const listDrafts = (db: AppDb) => db.drafts.orderBy('updatedAt').reverse().toArray();
