/**
 * How pages get public content, on the server and in the browser, online and offline.
 *
 * - Server: the JSON API (SvelteKit calls it in-process, no HTTP).
 * - Browser with a complete offline copy: the local PouchDB replica first (instant, no data
 *   used), the network only for what the copy lacks.
 * - Browser without it: the network, then whatever the replica has if the network fails.
 */
import { failWith } from '$lib/errors';
import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import type { ContentDocOf, ContentType } from '$lib/schemas';
import type { ContentSummary } from '$lib/content/summary';
import { packFlag } from '$lib/device-flags';
import { isHydrated } from './hydration';

type Fetch = typeof fetch;
export type DataSource = 'red' | 'dispositivo';

const local = () => import('$lib/sync/content-local');
const localFirst = () => browser && isHydrated() && packFlag.read() !== null;

function offlineMiss(): never {
	failWith('sin_conexion', 'Esta página todavía no está guardada en este dispositivo.');
}

async function fromNetwork<T>(fetch: Fetch, url: string): Promise<T | null | 'offline'> {
	let res: Response;
	try {
		res = await fetch(url);
	} catch {
		if (browser) return 'offline';
		throw new Error(`No se pudo leer ${url}`);
	}
	// 400: the API refused the id as malformed (e.g. `../` in a slug): no such page either.
	if (res.status === 404 || res.status === 400) return null;
	if (!res.ok) {
		if (browser && res.status >= 500) return 'offline';
		error(res.status, { message: 'No se pudo cargar el contenido.', code: 'error_red' });
	}
	return (await res.json()) as T;
}

/** One content item; a 404 error if it does not exist, 503 `sin_conexion` if unreachable. */
export async function loadContent<T extends ContentType>(
	fetch: Fetch,
	type: T,
	slug: string
): Promise<{ doc: ContentDocOf<T>; source: DataSource }> {
	if (localFirst()) {
		const doc = await (await local()).getLocalContent(type, slug);
		if (doc) return { doc, source: 'dispositivo' };
	}
	const remote = await fromNetwork<ContentDocOf<T>>(fetch,
		// Encoded, so a slug such as `..%2F..%2Fx` stays one segment instead of leaving the route.
		`/api/contenido/${encodeURIComponent(type)}/${encodeURIComponent(slug)}`
	);
	if (remote === 'offline') {
		const doc = await (await local()).getLocalContent(type, slug);
		if (doc) return { doc, source: 'dispositivo' };
		offlineMiss();
	}
	if (!remote) failWith('no_encontrado');
	return { doc: remote, source: 'red' };
}

/** Every item of a type, without bodies. */
export async function loadContentList<T extends ContentType>(
	fetch: Fetch,
	type: T
): Promise<{ items: ContentSummary<ContentDocOf<T>>[]; source: DataSource }> {
	if (localFirst()) {
		const items = await (await local()).listLocalContent(type);
		if (items.length) return { items, source: 'dispositivo' };
	}
	const remote = await fromNetwork<ContentSummary<ContentDocOf<T>>[]>(
		fetch,
		`/api/contenido/${type}`
	);
	if (remote === 'offline' || remote === null) {
		const items = await (await local()).listLocalContent(type);
		if (items.length) return { items, source: 'dispositivo' };
		offlineMiss();
	}
	return { items: remote, source: 'red' };
}
