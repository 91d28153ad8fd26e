import { isCleanLine } from './text';
import type { FieldErrorCode } from './vocab';
import { z } from 'zod';

// Every schema module imports this one first. In the browser Zod must not try `new Function`
// (its JIT): the portal's Content Security Policy forbids it, and the attempt is reported as a
// violation even though Zod catches it. The server keeps the JIT for bulk reads.
if (typeof document !== 'undefined') z.config({ jitless: true });

/**
 * Parameters of a refinement: `message` for people reading logs and seed-file errors, the
 * field error `code` for forms (zod-issues.ts reads it; the page shows its text from
 * messages/), and where to report it when the check spans several fields.
 */
export const coded = (code: FieldErrorCode, message: string, path?: string[]) => ({
	message,
	params: { code },
	...(path ? { path } : {})
});

/** Lower-case ASCII words joined by hyphens: `certificado-de-residencia`. */
export const slugSchema = z
	.string()
	.min(1)
	.max(120)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug inválido');

/** Calendar date `YYYY-MM-DD` (Colombia has a single time zone, UTC−5, no DST). */
export const isoDateSchema = z.iso.date();

/** Full timestamp with offset, e.g. `2026-11-20T15:04:05.000Z`. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** Short plain text for titles and labels: no control characters (C0, DEL, C1), trimmed. */
export const lineSchema = (max: number) =>
	z
		.string()
		.trim()
		.min(1)
		.max(max)
		.refine(isCleanLine, coded('caracteres_no_permitidos', 'texto con caracteres de control'));

/** Markdown source written by people (editors, seed files). */
export const markdownSchema = z.string().max(200_000);

/** A link shown to citizens: internal path (`/tramites/x`) or an https URL. */
export const hrefSchema = z
	.string()
	.max(2000)
	.refine(
		(v) => /^\/(?!\/)/.test(v) || /^https:\/\/[^\s]+$/.test(v) || /^mailto:|^tel:/.test(v),
		coded('enlace_invalido', 'enlace inválido: use una ruta interna o https')
	);

export const linkSchema = z.object({ title: lineSchema(200), href: hrefSchema });
export type Link = z.infer<typeof linkSchema>;

/** A labelled fact with its provenance; `verified: false` is shown as "por confirmar". */
export const factSchema = z.object({
	label: lineSchema(120),
	value: lineSchema(500),
	verified: z.boolean().default(true),
	source: z.string().max(500).optional()
});
export type Fact = z.infer<typeof factSchema>;

export const contactSchema = z.object({
	address: z.string().max(300).optional(),
	phone: z.string().max(100).optional(),
	email: z.email().optional(),
	hours: z.string().max(300).optional(),
	website: z.url({ protocol: /^https$/ }).optional()
});
export type Contact = z.infer<typeof contactSchema>;
