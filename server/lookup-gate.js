// A cheap door in front of the JSON tracking API (`POST /api/seguimiento`): at most `max` lookups
// in flight per process; beyond that the request is answered 429 `muchas_consultas` here, before
// SvelteKit parses, routes and renders it. A flood of anonymous lookups from many addresses
// (which no per-address limit stops) then costs a fraction of a millisecond per request, and an
// official's sign-in arriving in the middle of it is not queued behind hundreds of them. The
// app's own gate (items in flight, `src/lib/server/requests/tracking.ts`) still covers the
// no-JavaScript tracking pages and any spelling of the path this exact match misses.

/**
 * @param {{ max: number, path: string, message: string, retryAfterS: number }} options
 * @returns {import('express').RequestHandler}
 */
export function lookupGate({ max, path, message, retryAfterS }) {
	let open = 0;
	const body = JSON.stringify({ error: { code: 'muchas_consultas', message } });
	return (req, res, next) => {
		if (req.method !== 'POST' || req.path !== path) return next();
		if (open >= max) {
			res
				.set({
					'content-type': 'application/json',
					'cache-control': 'no-store',
					'retry-after': String(retryAfterS),
					connection: 'close'
				})
				.status(429)
				.end(body);
			return;
		}
		open++;
		let released = false;
		const release = () => {
			if (released) return;
			released = true;
			open--;
		};
		res.on('finish', release);
		res.on('close', release);
		next();
	};
}
