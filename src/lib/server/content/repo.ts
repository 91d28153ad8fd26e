import { couch, DB } from '$lib/server/couch';
import { contentId, type ContentDoc, type ContentDocOf, type ContentType } from '$lib/schemas';

/** Public content read by pages and API routes. Only published documents live in this database. */
export async function getContent<T extends ContentType>(
	type: T,
	slug: string
): Promise<ContentDocOf<T> | null> {
	const doc = await couch().get<ContentDoc>(DB.content, contentId(type, slug));
	return doc && doc.type === type ? (doc as ContentDocOf<T>) : null;
}

/** Every published item of a type, in id order. */
export async function listContent<T extends ContentType>(type: T): Promise<ContentDocOf<T>[]> {
	const docs = await couch().range<ContentDoc>(DB.content, `${type}:`, `${type}:\ufff0`);
	return docs.filter((d): d is ContentDocOf<T> => d.type === type);
}

/** Every published item (all types), e.g. for the server-side search index. */
export async function allContent(): Promise<ContentDoc[]> {
	const docs = await couch().range<ContentDoc & { _id: string }>(DB.content, 'a', '\ufff0');
	return docs.filter((d) => !d._id.startsWith('_'));
}

/** The content database's update sequence: changes whenever anything is published. */
export async function contentSeq(): Promise<string | number> {
	return (await couch().info(DB.content)).update_seq;
}
