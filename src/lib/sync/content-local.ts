import { contentId, type ContentDoc, type ContentDocOf, type ContentType } from '$lib/schemas';
import { toSummary, type ContentSummary } from '$lib/content/summary';
import { localContentDb } from './pouch';

/** A content item from the device's replica, or null if it has not been saved here. */
export async function getLocalContent<T extends ContentType>(
	type: T,
	slug: string
): Promise<ContentDocOf<T> | null> {
	try {
		const doc = (await localContentDb().get(contentId(type, slug))) as unknown as ContentDoc;
		return doc.type === type ? (doc as ContentDocOf<T>) : null;
	} catch {
		return null;
	}
}

/** Every item of a type in the device's replica, as list cards (empty if nothing saved yet). */
export async function listLocalContent<T extends ContentType>(
	type: T
): Promise<ContentSummary<ContentDocOf<T>>[]> {
	const res = await localContentDb().allDocs({
		startkey: `${type}:`,
		endkey: `${type}:\ufff0`,
		include_docs: true
	});
	return res.rows.flatMap((r) => {
		const doc = r.doc as unknown as ContentDoc | undefined;
		return doc && doc.type === type ? [toSummary(doc as ContentDocOf<T>)] : [];
	});
}

/** Every content item of the replica, for building the search index. */
export async function allLocalContent(): Promise<ContentDoc[]> {
	const res = await localContentDb().allDocs({ include_docs: true });
	return res.rows.flatMap((r) =>
		r.doc && !r.id.startsWith('_') ? [r.doc as unknown as ContentDoc] : []
	);
}
