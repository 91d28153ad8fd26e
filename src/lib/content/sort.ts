import type { ContentDoc, ContentDocOf } from '$lib/schemas';

type Noticia = Pick<ContentDocOf<'noticia'>, 'date' | 'title'>;
const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

/** Newest first (Ley 1712 art. 11: "cronología inversa"). */
export const byDateDesc = (a: Noticia, b: Noticia) =>
	b.date.localeCompare(a.date) || collator.compare(a.title, b.title);

export const byTitle = (a: Pick<ContentDoc, 'title'>, b: Pick<ContentDoc, 'title'>) =>
	collator.compare(a.title, b.title);

export const byOrderThenTitle = (
	a: Pick<ContentDoc, 'title'> & { order: number },
	b: Pick<ContentDoc, 'title'> & { order: number }
) => a.order - b.order || byTitle(a, b);

/** Transparency codes in menu order: 1, 1.1, 1.2 … 1.10, 2 … 10.2. */
export const byTransparencyCode = (a: { code: string }, b: { code: string }) =>
	collator.compare(a.code, b.code);

/** Most recent `updatedAt` of a set of items, for the "última actualización" of a list page. */
export function lastUpdated(items: Array<Pick<ContentDoc, 'updatedAt'>>): string | undefined {
	return items.reduce<string | undefined>(
		(max, i) => (max === undefined || i.updatedAt > max ? i.updatedAt : max),
		undefined
	);
}
