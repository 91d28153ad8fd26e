import { loadContentList } from '$lib/data/content';
import { PQRSD_TYPES } from '$lib/schemas/vocab';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items } = await loadContentList(fetch, 'formulario');
	const order = (t?: string) => PQRSD_TYPES.indexOf(t as (typeof PQRSD_TYPES)[number]);
	return {
		forms: items
			.filter((f) => f.purpose === 'pqrsd')
			.sort((a, b) => order(a.pqrsdType) - order(b.pqrsdType))
	};
};
