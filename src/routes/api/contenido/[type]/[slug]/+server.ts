import { json } from '@sveltejs/kit';
import { contentTypeSchema, slugSchema } from '$lib/schemas';
import { getContent } from '$lib/server/content/repo';
import { apiError } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, setHeaders }) => {
	const type = contentTypeSchema.safeParse(params.type);
	if (!type.success) return apiError('tipo_invalido');
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) return apiError('id_invalido');
	const doc = await getContent(type.data, slug.data);
	if (!doc) return apiError('no_encontrado');
	setHeaders({ 'cache-control': 'no-cache' });
	return json(doc);
};
