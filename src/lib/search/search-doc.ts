import { pathFor } from '$lib/content/paths';
import type { ContentDoc, ContentType } from '$lib/schemas';
import { markdownToText, snippet } from './plain-text';

/** Longest summary shown in a result list. */
export const SUMMARY_MAX = 200;

/**
 * What the search index knows about a content item: display fields for result lists plus the
 * searchable text, already reduced to plain text. Small on purpose: it is what gets stored.
 */
export interface SearchDoc {
	id: string;
	type: ContentType;
	title: string;
	url: string;
	/** Plain-text snippet (≤ 200 characters) for result lists; also searched, above the body. */
	summary: string;
	/** Everything else worth finding: body, requirements, functions, agenda… */
	text: string;
	/** `YYYY-MM-DD` or a full ISO timestamp; newer wins ties. */
	updatedAt: string;
	/** Names people search by (keywords, "también conocido como", norm numbers); rank like titles. */
	keywords?: string[];
}

interface Extras {
	keywords: string[];
	text: string[];
}

/**
 * The search document of a content item, or `null` for types without a page of their own
 * (the site profile). Type-specific fields go where people expect to find them: colloquial
 * names and norm numbers with the keywords, requirements and functions with the body.
 */
export function toSearchDoc(doc: ContentDoc): SearchDoc | null {
	const extras = extrasOf(doc);
	if (!extras) return null;
	// Devices hold the rendered HTML only (the sync gate leaves the Markdown source on the
	// server: `forDevices`); the same text either way.
	const body = markdownToText(doc.body || doc.html);
	const lead = doc.summary?.trim() || body;
	return {
		id: doc._id,
		type: doc.type,
		title: doc.title,
		url: pathFor(doc),
		summary: snippet(lead, SUMMARY_MAX),
		text: join([doc.summary ?? '', body, ...extras.text, doc.responsibleName]),
		updatedAt: doc.updatedAt,
		keywords: [...doc.keywords, ...extras.keywords].filter((k) => k.trim() !== '')
	};
}

function extrasOf(doc: ContentDoc): Extras | null {
	switch (doc.type) {
		case 'sitio':
			return null;
		case 'pagina': {
			const d = doc;
			return {
				keywords: [],
				text: [...d.facts.map((f) => `${f.label}: ${f.value}`), ...d.links.map((l) => l.title)]
			};
		}
		case 'dependencia': {
			const d = doc;
			return {
				keywords: [],
				text: [
					d.head,
					...d.officials.flatMap((o) => [o.role, o.name ?? '']),
					...d.functions,
					d.contact.address ?? ''
				]
			};
		}
		case 'institucion': {
			const d = doc;
			return { keywords: [], text: [d.contact.address ?? '', ...d.links.map((l) => l.title)] };
		}
		case 'noticia': {
			const d = doc;
			return { keywords: [], text: [words(d.kind), d.place ?? ''] };
		}
		case 'norma': {
			const d = doc;
			return {
				keywords: [`${d.kind} ${d.number}`, d.topic],
				text: [
					d.issuer,
					d.issuedAt.slice(0, 4),
					d.inForce === 'por-confirmar'
						? 'vigencia por confirmar'
						: d.inForce
							? 'vigente'
							: 'derogada'
				]
			};
		}
		case 'tramite': {
			const d = doc;
			return {
				keywords: [...d.alsoKnownAs, d.result],
				text: [
					d.purpose,
					words(d.category),
					...d.lifeEvents,
					...d.requirements.map((r) => r.text),
					...d.steps,
					d.cost.free ? 'gratuito' : '',
					d.cost.description,
					...d.channels.map(words),
					...d.pointsOfAttention.map((p) => p.name)
				]
			};
		}
		case 'transparencia': {
			const d = doc;
			return { keywords: [d.code], text: d.links.map((l) => l.title) };
		}
		case 'sesion-concejo': {
			const d = doc;
			return { keywords: [], text: [`sesión ${d.kind}`, d.place, ...d.agenda] };
		}
		case 'formulario': {
			const d = doc;
			return { keywords: [], text: [d.anonymousNotice ?? '', ...d.fields.map((f) => f.label)] };
		}
		case 'linea-gelt':
			return { keywords: ['GEL-T', 'plan de acción'], text: [] };
		case 'actividad-gelt': {
			const d = doc;
			return {
				keywords: ['GEL-T', 'plan de acción'],
				text: [d.owner, `fase ${words(d.phase)}`, ...d.evidence.map((e) => e.title)]
			};
		}
		case 'reunion-gelt': {
			const d = doc;
			return {
				keywords: ['comité GEL-T', 'reunión de seguimiento'],
				text: [d.place, ...d.agenda, ...d.decisions, ...d.commitments.map((c) => c.text)]
			};
		}
		case 'consulta': {
			const d = doc;
			return {
				keywords: ['participación', d.kind === 'encuesta' ? 'encuesta' : 'consulta ciudadana'],
				text: d.questions.map((q) => q.label)
			};
		}
		case 'proyecto-acuerdo': {
			const d = doc;
			return {
				keywords: ['proyecto de acuerdo', `proyecto de acuerdo ${d.number}`],
				text: [d.author]
			};
		}
	}
}

/** Enum values such as "desarrollo-social" or "en-linea" read as words. */
function words(slug: string): string {
	return slug.replace(/-/g, ' ');
}

function join(parts: string[]): string {
	return parts
		.map((p) => p.trim())
		.filter((p) => p !== '')
		.join('\n');
}
