import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { contentTypeSchema } from '$lib/schemas';
import { apiError } from '$lib/server/http/api-error';
import { serverSearchIndex } from '$lib/server/content/search';
import { isCleanText } from '$lib/schemas/text';
import type { RequestHandler } from './$types';

const query = z.object({
	// Control characters and lone surrogates are no one's search: refused, not searched for.
	q: z.string().max(200).refine(isCleanText).default(''),
	tipo: contentTypeSchema.optional(),
	limite: z.coerce.number().int().min(1).max(100).default(30)
});

export const GET: RequestHandler = async ({ url }) => {
	const parsed = query.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) return apiError('consulta_invalida');
	const { q, tipo, limite } = parsed.data;
	const index = await serverSearchIndex();
	return json({ query: q, hits: index.search(q, { limit: limite, type: tipo }) });
};
