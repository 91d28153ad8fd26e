// The answers served in front of Express: the page cache's copies and the content gate's replayed
// answers (the server bundle's middleware, src/lib/server/http/node-middleware.ts).
//
// Why: they are the busiest answers and the cheapest, so Express's own work per request (its
// router, `expressInit` swapping the request's and response's prototypes, the query parser) was
// most of their cost. On the app's main thread, 2,000 in a row, 8 in flight, before → after: the
// home page from the page cache 0.27 → 0.13 ms; the gate's database info 0.19 → 0.08 ms,
// `_changes` 0.27 → 0.08 ms, `_bulk_get` 0.44 → 0.23 ms. A phone's first visit asks four of them,
// and under a burst of 500 devices the other answers (filings) wait for that CPU.

/**
 * A handler in front of Express: answers `req`, or calls `next()` without having read its body.
 * @typedef {(
 *   req: import('node:http').IncomingMessage,
 *   res: import('node:http').ServerResponse,
 *   next: () => void
 * ) => void} FrontMiddleware
 */

/**
 * A request listener that runs `middleware` in order, then `fallback` (Express) for what none of
 * them answered.
 * @param {FrontMiddleware[]} middleware
 * @param {import('node:http').RequestListener} fallback
 * @returns {import('node:http').RequestListener}
 */
export function inFrontOf(middleware, fallback) {
	return (req, res) => {
		/** @param {number} i */
		const run = (i) => {
			const current = middleware[i];
			if (!current) return fallback(req, res);
			try {
				current(req, res, () => run(i + 1));
			} catch (e) {
				// As Express would answer a middleware's exception, without its stack trace.
				console.error(e);
				if (!res.headersSent) {
					res.statusCode = 500;
					res.end();
				} else res.destroy();
			}
		};
		run(0);
	};
}
