import { fail } from '@sveltejs/kit';
import { listContent } from '$lib/server/content/repo';
import { ProposalError } from './store';

/** Offices a proposal can name as responsible. */
export async function dependenciaOptions() {
	const deps = await listContent('dependencia');
	return deps
		.map((d) => ({ slug: d.slug, title: d.title }))
		.sort((a, b) => a.title.localeCompare(b.title, 'es'));
}

/** A refused change as the page shows it: 404 when hidden, 409 for the rest. */
export function refusedProposal(e: unknown, extra: Record<string, unknown> = {}) {
	if (!(e instanceof ProposalError)) throw e;
	const status = e.code === 'no_encontrado' ? 404 : e.code === 'prohibido' ? 403 : 409;
	return fail(status, { refused: e.code, ...extra });
}
