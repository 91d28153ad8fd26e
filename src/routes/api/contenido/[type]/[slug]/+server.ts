import { json } from '@sveltejs/kit';
import { contentTypeSchema, slugSchema } from '$lib/schemas';
import { getContent } from '$lib/server/content/repo';
import { apiError } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, setHeaders }) => {
	const type = contentTypeSchema.safeParse(params.type);
	if (!type.success) return apiError(400, 'tipo_invalido', 'Tipo de contenido desconocido.');
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) return apiError(400, 'id_invalido', 'Identificador inválido.');
	const doc = await getContent(type.data, slug.data);
	if (!doc) return apiError(404, 'no_encontrado', 'No encontramos ese contenido.');
	setHeaders({ 'cache-control': 'no-cache' });
	return json(doc);
};
