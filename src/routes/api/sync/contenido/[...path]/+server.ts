import { proxyContentSync } from '$lib/server/couch/content-proxy';
import type { RequestHandler } from './$types';

/** PouchDB pulls public content through here; see content-proxy.ts for what is allowed. */
export const fallback: RequestHandler = ({ request, params }) =>
	proxyContentSync(request, params.path);
