import { couch, DB } from '$lib/server/couch';
import { setBounded } from '$lib/server/util/bounded-map';
import { currentSeq, sequenceChanged } from '$lib/server/couch/response-cache';
import {
	contentDocSchema,
	contentId,
	type ContentDoc,
	type ContentDocOf,
	type ContentType
} from '$lib/schemas';

/**
 * Public content read by pages and API routes. Only published documents live in this database,
 * and they are the same for every visitor, so reads are memoised per update sequence: a page
 * view costs no store round trip until something is published (measured: home-page rendering
 * under 200 simultaneous devices was dominated by these reads).
 */
let memo: { seq: string; values: Map<string, Promise<unknown>> } = { seq: '', values: new Map() };
/**
 * Reads remembered per content state: room for every document of a large portal, bounded
 * because slugs come from URLs (a crawl of made-up slugs must not grow memory).
 */
const MAX_MEMO = 20_000;

/** The content database's update sequence (trusted for up to a second; see `currentSeq`). */
export const contentSeq = () => currentSeq(async () => (await couch().info(DB.content)).update_seq);

/** To call after this process wrote to the content: the next reads wait for the new sequence. */
export const contentChanged = sequenceChanged;

async function memoised<T>(key: string, read: () => Promise<T>): Promise<T> {
	const seq = await contentSeq();
	if (memo.seq !== seq) memo = { seq, values: new Map() };
	let value = memo.values.get(key) as Promise<T> | undefined;
	if (!value) {
		value = read();
		setBounded(memo.values, key, value, MAX_MEMO);
		// A failed read must not be remembered.
		const kept = value;
		value.catch(() => {
			if (memo.values.get(key) === kept) memo.values.delete(key);
		});
	}
	return value;
}

export async function getContent<T extends ContentType>(
	type: T,
	slug: string
): Promise<ContentDocOf<T> | null> {
	const doc = await memoised(`doc:${type}:${slug}`, () =>
		couch().get(DB.content, contentId(type, slug), contentDocSchema)
	);
	return doc && doc.type === type ? (doc as ContentDocOf<T>) : null;
}

/** Every published item of a type, in id order. */
export async function listContent<T extends ContentType>(type: T): Promise<ContentDocOf<T>[]> {
	const docs = await memoised(`list:${type}`, () =>
		couch().range(DB.content, `${type}:`, `${type}:\ufff0`, contentDocSchema)
	);
	return docs.filter((d): d is ContentDocOf<T> => d.type === type);
}

/** Every published item (all types), e.g. for the server-side search index. */
export async function allContent(): Promise<ContentDoc[]> {
	// Ids start with a type name: from `a` on, design (`_design/`) and local documents are out.
	return memoised('all', () => couch().range(DB.content, 'a', '\ufff0', contentDocSchema));
}
