import { browser } from '$app/environment';
import { loadContent } from '$lib/data/content';
import { bogotaDate } from '$lib/domain/calendar-date';
import { consultaState } from '$lib/domain/consulta-answers';
import type { ConsultaResults } from '$lib/domain/consulta-results';
import type { PageLoad } from './$types';

/**
 * The consulta from the content pack (readable offline); its results from the network, only
 * once it closed. Offline, a closed consulta still shows and says its results need a
 * connection.
 */
export const load: PageLoad = async ({ fetch, params }) => {
	const { doc, source } = await loadContent(fetch, 'consulta', params.slug);
	const state = consultaState(doc, bogotaDate(new Date()));
	let results: ConsultaResults | null = null;
	let resultsUnavailable = false;
	if (state === 'cerrada') {
		try {
			const res = await fetch(`/api/consultas/${encodeURIComponent(doc.slug)}/resultados`);
			if (res.ok) results = ((await res.json()) as { results: ConsultaResults | null }).results;
			else resultsUnavailable = true;
		} catch (e) {
			if (!browser) throw e;
			resultsUnavailable = true;
		}
	}
	// A fresh id per visit: posting the same form twice counts once.
	return { doc, source, state, results, resultsUnavailable, answerId: crypto.randomUUID() };
};
