import { json } from '@sveltejs/kit';
import { contentTypeSchema } from '$lib/schemas';
import { listContent } from '$lib/server/content/repo';
import { apiError } from '$lib/server/http/api-error';
import { toSummary } from '$lib/content/summary';
import type { RequestHandler } from './$types';

/** Every published item of a type, without bodies (lists need titles and metadata only). */
export const GET: RequestHandler = async ({ params, setHeaders }) => {
	const type = contentTypeSchema.safeParse(params.type);
	if (!type.success) return apiError('tipo_invalido');
	setHeaders({ 'cache-control': 'no-cache' });
	return json((await listContent(type.data)).map(toSummary));
};
