import { bogotaDate } from '$lib/domain/calendar-date';
import { consultaState } from '$lib/domain/consulta-answers';
import { slugSchema } from '$lib/schemas';
import { apiError } from '$lib/server/http/api-error';
import { getContent } from '$lib/server/content/repo';
import { resultsOf } from '$lib/server/participation/answers';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

/**
 * The published results: `{ state, closesAt, results }`, with `results: null` until the
 * consulta closes, so early counts cannot sway those who have not answered yet.
 */
export const GET: RequestHandler = async ({ params }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) return apiError('id_invalido');
	try {
		const consulta = await getContent('consulta', slug.data);
		if (!consulta) return apiError('no_encontrado');
		const state = consultaState(consulta, bogotaDate(new Date()));
		return noStoreJson({
			state,
			closesAt: consulta.closesAt,
			results: state === 'cerrada' ? await resultsOf(consulta) : null
		});
	} catch (e) {
		return storeFailure(e);
	}
};
