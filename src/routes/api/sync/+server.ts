import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * The "server root" PouchDB probes before replicating. A small JSON answer instead of the HTML
 * 404 page saves ~4 KB per pull.
 */
export const GET: RequestHandler = () =>
	json(
		{ ventanilla: 'sincronización', readOnly: ['contenido'] },
		{
			headers: { 'cache-control': 'no-store' }
		}
	);

export const trailingSlash = 'ignore';
