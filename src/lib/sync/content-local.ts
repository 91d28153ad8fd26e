import {
	contentDocSchema,
	contentId,
	type ContentDoc,
	type ContentDocOf,
	type ContentType
} from '$lib/schemas/content';
import { toSummary, type ContentSummary } from '$lib/content/summary';
import { localContentDb } from './pouch';

/** A content item from the device's replica, or null if it has not been saved here. */
export async function getLocalContent<T extends ContentType>(
	type: T,
	slug: string
): Promise<ContentDocOf<T> | null> {
	try {
		const doc = contentDocSchema.safeParse(await localContentDb().get(contentId(type, slug))).data;
		return doc?.type === type ? (doc as ContentDocOf<T>) : null;
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
	return parsedDocs(res.rows).flatMap((doc) =>
		doc.type === type ? [toSummary(doc as ContentDocOf<T>)] : []
	);
}

/** Every content item of the replica, for building the search index. */
export async function allLocalContent(): Promise<ContentDoc[]> {
	const res = await localContentDb().allDocs({ include_docs: true });
	return parsedDocs(res.rows);
}

/**
 * The replica's documents parsed with the content schema; anything else (design or local
 * documents, a document from an older version the schema no longer accepts) is left out.
 */
function parsedDocs(rows: Array<{ doc?: unknown }>): ContentDoc[] {
	return rows.flatMap((r) => {
		const parsed = contentDocSchema.safeParse(r.doc);
		return parsed.success ? [parsed.data] : [];
	});
}
