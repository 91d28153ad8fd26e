import { json } from '@sveltejs/kit';
import { slugSchema } from '$lib/schemas';
import { apiError } from '$lib/server/http/api-error';
import { publicComments } from '$lib/server/participation/comments';
import { storeFailure } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/** The approved comments of a proposal: `{ items: PublicComment[] }`. Pending ones never. */
export const GET: RequestHandler = async ({ params, setHeaders }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) return apiError('id_invalido');
	try {
		const items = await publicComments(slug.data);
		setHeaders({ 'cache-control': 'no-cache' });
		return json({ items });
	} catch (e) {
		return storeFailure(e);
	}
};
