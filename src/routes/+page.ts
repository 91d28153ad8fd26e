import { loadContentList } from '$lib/data/content';
import { byDateDesc, byTitle } from '$lib/content/sort';
import type { PageLoad } from './$types';

/** Trámites citizens ask for most, shown first on the home page. */
const FEATURED = [
	'certificado-de-residencia',
	'paz-y-salvo-impuesto-predial',
	'encuesta-sisben',
	'inscripcion-colombia-mayor',
	'certificado-de-uso-del-suelo',
	'registro-marcas-de-ganado'
];

export const load: PageLoad = async ({ fetch }) => {
	const [news, tramites] = await Promise.all([
		loadContentList(fetch, 'noticia'),
		loadContentList(fetch, 'tramite')
	]);
	const featured = FEATURED.flatMap((slug) => tramites.items.filter((t) => t.slug === slug));
	return {
		news: news.items.sort(byDateDesc).slice(0, 4),
		tramites: (featured.length ? featured : [...tramites.items].sort(byTitle)).slice(0, 6)
	};
};
