/**
 * Server side of the back-office content pages: parameters, the data every editor page needs,
 * and the translation of workflow refusals into form failures the page shows in Spanish.
 */
import { failWith } from '$lib/errors';
import { fail } from '@sveltejs/kit';
import { isPlanType } from '$lib/domain/content-workflow';
import { can, canProposeContent } from '$lib/domain/permissions';
import { contentTypeSchema, slugSchema, type ContentType, type SessionUser } from '$lib/schemas';
import { listContent } from './repo';
import { WorkflowError } from './workflow';

/**
 * Types editors create from the back office (the site settings are a single, seeded item; the
 * GEL-T plan's items are created by the committee in /gestion/plan).
 */
export const CREATABLE_TYPES: readonly ContentType[] = contentTypeSchema.options.filter(
	(t) => t !== 'sitio' && !isPlanType(t)
);

export function typeParam(value: string | undefined): ContentType {
	const parsed = contentTypeSchema.safeParse(value);
	if (!parsed.success) failWith('no_encontrado', 'Tipo de contenido desconocido');
	return parsed.data;
}

export function slugParam(value: string | undefined): string {
	const parsed = slugSchema.safeParse(value);
	if (!parsed.success) failWith('no_encontrado', 'Contenido no encontrado');
	return parsed.data;
}

/** The dependencias the official may choose as responsible (a funcionario: only their own). */
export async function selectableDependencias(
	user: SessionUser
): Promise<Array<{ slug: string; title: string }>> {
	const all = (await listContent('dependencia')).map((d) => ({ slug: d.slug, title: d.title }));
	return can(user, 'contenido.publicar')
		? all
		: all.filter((d) => canProposeContent(user, { responsible: d.slug }));
}

/** A refused workflow action as a form failure (the page shows the code's Spanish message). */
export function refused(e: unknown, extra: Record<string, unknown> = {}) {
	if (!(e instanceof WorkflowError)) throw e;
	const status = e.code === 'prohibido' ? 403 : e.code === 'no_encontrado' ? 404 : 409;
	return fail(status, { refusal: e.code, detail: e.detail ?? null, ...extra });
}
