/**
 * The GEL-T plan for the public pages, from the same content lists every page reads (network
 * or the device's offline copy), with its compliance computed on the reader's calendar day in
 * Bogotá: the published plan is always current, online or offline.
 */
import { bogotaDate } from '$lib/domain/calendar-date';
import { computeCompliance } from '$lib/domain/compliance';
import { lastUpdated } from '$lib/content/sort';
import { loadContentList, type DataSource } from './content';

export async function loadPlan(fetch: typeof globalThis.fetch) {
	const [lines, activities, meetings] = await Promise.all([
		loadContentList(fetch, 'linea-gelt'),
		loadContentList(fetch, 'actividad-gelt'),
		loadContentList(fetch, 'reunion-gelt')
	]);
	const today = bogotaDate(new Date());
	const items = [...lines.items, ...activities.items, ...meetings.items];
	const source: DataSource = [lines, activities, meetings].some((l) => l.source === 'dispositivo')
		? 'dispositivo'
		: 'red';
	return {
		today,
		lines: lines.items,
		meetings: meetings.items,
		compliance: computeCompliance(
			{ lines: lines.items, activities: activities.items, meetings: meetings.items },
			today
		),
		lastUpdate: lastUpdated(items) ?? null,
		source
	};
}
