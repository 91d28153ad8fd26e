import { browser } from '$app/environment';
import { loadContent, loadContentList } from '$lib/data/content';
import type { PublicComment } from '$lib/schemas';
import type { PageLoad } from './$types';

/**
 * The proposal and its sessions from the content pack (readable offline); its approved
 * comments from the network, so offline the page says they need a connection.
 */
export const load: PageLoad = async ({ fetch, params }) => {
	const [{ doc, source }, sessions] = await Promise.all([
		loadContent(fetch, 'proyecto-acuerdo', params.slug),
		loadContentList(fetch, 'sesion-concejo').catch(() => ({ items: [] }))
	]);
	let comments: PublicComment[] | null = null;
	try {
		const res = await fetch(`/api/concejo/proyectos/${encodeURIComponent(doc.slug)}/comentarios`);
		if (res.ok) comments = ((await res.json()) as { items: PublicComment[] }).items;
	} catch (e) {
		if (!browser) throw e;
	}
	const titles = new Map(sessions.items.map((s) => [s.slug, s]));
	return {
		doc,
		source,
		comments,
		sessions: doc.sessions.map((slug) => ({
			slug,
			title: titles.get(slug)?.title ?? slug,
			date: titles.get(slug)?.date ?? null
		})),
		commentId: crypto.randomUUID()
	};
};
