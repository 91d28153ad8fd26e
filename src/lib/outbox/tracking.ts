import type { AppDb } from '$lib/db';
import type { TrackingView } from '$lib/schemas';

/**
 * Fetches the status and answers of this device's requests (radicado + PIN) and stores them, so
 * an answer stays readable offline. Network failures leave the stored copy as it was.
 */
export async function refreshRequests(db: AppDb, fetchFn: typeof fetch = fetch): Promise<boolean> {
	const rows = await db.requests.toArray();
	if (!rows.length) return true;
	const views: Array<TrackingView | null> = [];
	try {
		// The server answers at most 50 lookups per request.
		for (let i = 0; i < rows.length; i += 50) {
			const chunk = rows.slice(i, i + 50);
			const res = await fetchFn('/api/seguimiento', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ items: chunk.map((r) => ({ radicado: r.radicado, pin: r.pin })) })
			});
			if (!res.ok) return false;
			views.push(...((await res.json()) as { items: Array<TrackingView | null> }).items);
		}
	} catch {
		return false;
	}
	const checkedAt = new Date().toISOString();
	await db.transaction('rw', db.requests, async () => {
		for (const [i, row] of rows.entries()) {
			const view = views[i];
			if (!view) continue;
			await db.requests.update(row.radicado, {
				status: view.status,
				events: view.events,
				deadline: view.deadline,
				checkedAt
			});
		}
	});
	return true;
}
