/**
 * Publishes a copy of a seed content file under a new slug, with some fields changed (usually its
 * dates, relative to today), through the editors' workflow. Tests that need "an open consulta" or
 * "a proposal open to comments" use this instead of the seed item, whose fixed dates pass.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, bogotaDate } from '../../src/lib/domain/calendar-date';
import { editorValues } from '../../src/lib/server/content/editor-form';
import { parseContentFile } from '../../src/lib/server/seed/parse-content-file';
import type { ContentType } from '../../src/lib/schemas';
import type { BackOffice } from './backoffice-client';
import { editorFormEntries } from './editor-form-entries';

/** Today in Bogotá plus `days` (negative for the past), as `YYYY-MM-DD`. */
export function bogotaDay(days = 0): string {
	return addDays(bogotaDate(new Date()), days);
}

/**
 * The editor form a person would fill to publish the seed item again as `slug`, changed by `set`:
 * read with the seed's own parser, laid out as the editor lays out a stored item.
 */
export function editorFormFromSeed(
	type: string,
	seedSlug: string,
	slug: string,
	set: Record<string, unknown> = {}
): Record<string, string | string[]> {
	const file = `content/${type}/${seedSlug}.md`;
	const source = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8');
	const { input } = parseContentFile(file, source);
	const contentType = type as ContentType;
	return {
		...editorFormEntries(contentType, editorValues(contentType, { ...input, ...set })),
		slug
	};
}

/**
 * Creates and publishes the copy as an editor (`bo` signed in with `contenido.publicar`), then
 * waits until the public content API serves it, so every later reader sees it.
 */
export async function publishFromSeed(
	bo: BackOffice,
	type: string,
	seedSlug: string,
	slug: string,
	set: Record<string, unknown> = {}
): Promise<void> {
	const editor = `/gestion/contenido/${type}/${slug}`;
	const created = await bo.action(
		`/gestion/contenido/${type}/nuevo`,
		editorFormFromSeed(type, seedSlug, slug, set)
	);
	if (created.type !== 'redirect') {
		throw new Error(`creating ${type}/${slug}: ${JSON.stringify(created.data)}`);
	}
	const form = (await bo.page(editor)).html;
	const version = /name="version" value="([^"]*)"/.exec(form)?.[1] ?? '';
	const published = await bo.action(`${editor}?/publicar`, { version });
	if (published.type !== 'redirect') {
		throw new Error(`publishing ${type}/${slug}: ${JSON.stringify(published.data)}`);
	}
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		const res = await fetch(`${bo.base}/api/contenido/${type}/${slug}`);
		await res.arrayBuffer();
		if (res.ok) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${type}/${slug} was published but the content API does not serve it`);
}
