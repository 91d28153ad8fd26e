import { proxyContentSync } from '$lib/server/couch/content-proxy';
import type { RequestHandler } from './$types';

/** PouchDB pulls public content through here; see content-proxy.ts for what is allowed. */
export const fallback: RequestHandler = ({ request, params, getClientAddress }) =>
	proxyContentSync(request, params.path, getClientAddress());

// PouchDB asks for `…/contenido/` (with the slash) after every batch; a redirect would cost a
// round trip each time on 3G.
export const trailingSlash = 'ignore';
