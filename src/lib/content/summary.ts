import type { ContentDoc, ContentDocOf, ContentType } from '$lib/schemas';

/** Fields every list card has. */
const COMMON = ['_id', 'type', 'slug', 'title', 'summary', 'responsible', 'updatedAt'] as const;

/**
 * The extra fields list pages need, per type. Lists carry only these (not bodies, requirements
 * or steps) so an index page costs a few KB on 3G, online or read from the device.
 */
const CARD_FIELDS = {
	sitio: [],
	pagina: ['section', 'order'],
	dependencia: ['institution', 'head', 'contact', 'order'],
	institucion: ['kind', 'order'],
	noticia: ['kind', 'date', 'eventDate'],
	norma: ['kind', 'number', 'issuedAt', 'inForce'],
	tramite: ['kind', 'category'],
	transparencia: ['code', 'status'],
	'sesion-concejo': ['date', 'kind', 'status'],
	formulario: ['purpose', 'pqrsdType', 'tramite', 'anonymousAllowed'],
	'linea-gelt': ['order'],
	'actividad-gelt': [
		'line',
		'phase',
		'owner',
		'start',
		'due',
		'status',
		'progress',
		'responsibleName'
	],
	// The plan's dashboard lists overdue commitments: a meeting has a few dozen at most.
	'reunion-gelt': ['date', 'place', 'commitments'],
	consulta: ['kind', 'opensAt', 'closesAt'],
	'proyecto-acuerdo': ['number', 'filedAt', 'author', 'status', 'commentsUntil']
} as const satisfies { [T in ContentType]: ReadonlyArray<keyof ContentDocOf<T>> };

/** A content item as shown in lists. */
export type ContentSummary<T extends ContentDoc = ContentDoc> = Pick<
	T,
	Extract<(typeof COMMON)[number] | (typeof CARD_FIELDS)[T['type']][number], keyof T>
>;

export function toSummary<T extends ContentDoc>(doc: T): ContentSummary<T> {
	const keys: readonly string[] = [...COMMON, ...CARD_FIELDS[doc.type]];
	const source = doc as unknown as Record<string, unknown>;
	return Object.fromEntries(
		keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]])
	) as ContentSummary<T>;
}
