/**
 * Publishes a copy of a seed content file under a new slug, with some fields changed (usually its
 * dates, relative to today), through the editors' workflow. Tests that need "an open consulta" or
 * "a proposal open to comments" use this instead of the seed item, whose fixed dates pass.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { addDays, bogotaDate } from '../../src/lib/domain/calendar-date';
import type { BackOffice } from './backoffice-client';

/** Fields the editor form has its own inputs for; the rest goes in the YAML "datos" textarea. */
const COMMON = ['slug', 'title', 'summary', 'responsible', 'reviewBy', 'updatedAt', 'body'];

/** Today in Bogotá plus `days` (negative for the past), as `YYYY-MM-DD`. */
export function bogotaDay(days = 0): string {
	return addDays(bogotaDate(new Date()), days);
}

function seedFile(type: string, slug: string): { front: Record<string, unknown>; body: string } {
	const url = new URL(`../../content/${type}/${slug}.md`, import.meta.url);
	const source = readFileSync(fileURLToPath(url), 'utf8');
	const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(source);
	if (!m) throw new Error(`${type}/${slug}.md has no front matter`);
	return { front: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]! };
}

/** The editor form a person would fill to publish the seed item again as `slug`, changed by `set`. */
export function editorFormFromSeed(
	type: string,
	seedSlug: string,
	slug: string,
	set: Record<string, unknown> = {}
): Record<string, string> {
	const { front, body } = seedFile(type, seedSlug);
	const all: Record<string, unknown> = { ...front, body, ...set };
	const datos = Object.fromEntries(Object.entries(all).filter(([k]) => !COMMON.includes(k)));
	const str = (k: string) => (typeof all[k] === 'string' ? (all[k] as string) : '');
	return {
		slug,
		title: str('title'),
		summary: str('summary'),
		responsible: str('responsible'),
		reviewBy: str('reviewBy'),
		body: str('body'),
		datos: stringifyYaml(datos)
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
