import { loadContentList } from '$lib/data/content';
import { bogotaDate } from '$lib/domain/calendar-date';
import { consultaState } from '$lib/domain/consulta-answers';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const { items, source } = await loadContentList(fetch, 'consulta');
	const today = bogotaDate(new Date());
	const withState = items.map((c) => ({ ...c, state: consultaState(c, today) }));
	return {
		source,
		open: withState
			.filter((c) => c.state === 'abierta')
			.sort((a, b) => a.closesAt.localeCompare(b.closesAt)),
		upcoming: withState
			.filter((c) => c.state === 'proxima')
			.sort((a, b) => a.opensAt.localeCompare(b.opensAt)),
		closed: withState
			.filter((c) => c.state === 'cerrada')
			.sort((a, b) => b.closesAt.localeCompare(a.closesAt))
	};
};
