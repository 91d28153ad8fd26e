/**
 * The rows of each open dataset, read from the live store: published plan activities and
 * trámites from `contenido`, requests and their events from `solicitudes`. Nothing here is
 * written by hand; the metadata and field dictionary come from the messages (Spanish in the
 * files, the visitor's language on the page).
 */
import { isOverdue } from '$lib/domain/compliance';
import * as m from '$lib/paraglide/messages';
import { bogotaDate, type IsoDate } from '$lib/domain/calendar-date';
import { requestStatistics, type GroupStats, type RequestStatistics } from '$lib/domain/statistics';
import { pathFor } from '$lib/content/paths';
import {
	planGeltRowSchema,
	statRowSchema,
	tramiteRowSchema,
	type ContentDocOf,
	type OpenDataMetadata,
	type OpenDataset,
	type PlanGeltRow,
	type StatRow,
	type TramiteRow
} from '$lib/schemas';
import { getContent, listContent } from '$lib/server/content/repo';
import { allRequests, municipalCalendar } from '$lib/server/backoffice/requests';

type Locale = 'es' | 'en';
type Msg = (inputs?: never, options?: { locale?: Locale }) => string;
const msg = (key: string, locale: Locale): string =>
	(m as unknown as Record<string, Msg | undefined>)[key]?.(undefined, { locale }) ?? key;

/** Column order of each dataset: the CSV header and the field dictionary's order. */
export const COLUMNS = {
	'plan-gelt': Object.keys(planGeltRowSchema.shape) as (keyof PlanGeltRow)[],
	tramites: Object.keys(tramiteRowSchema.shape) as (keyof TramiteRow)[],
	'pqrsd-estadisticas': Object.keys(statRowSchema.shape) as (keyof StatRow)[]
} as const;

const KEY: Record<OpenDataset, string> = {
	'plan-gelt': 'plan',
	tramites: 'tramites',
	'pqrsd-estadisticas': 'pqrsd'
};

export interface DatasetDescription {
	id: OpenDataset;
	title: string;
	description: string;
	fields: Array<{ name: string; description: string }>;
}

export function describeDataset(id: OpenDataset, locale: Locale): DatasetDescription {
	const dictKey = id.replaceAll('-', '_');
	return {
		id,
		title: msg(`datos_ds_${KEY[id]}_title`, locale),
		description: msg(`datos_ds_${KEY[id]}_desc`, locale),
		fields: COLUMNS[id].map((name) => ({
			name,
			description: msg(`datos_f_${dictKey}_${name}`, locale)
		}))
	};
}

export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/deed.es';

export async function metadataOf(id: OpenDataset, now: Date): Promise<OpenDataMetadata> {
	const sitio = await getContent('sitio', 'sitio');
	const entity = sitio?.entityName ?? 'la Alcaldía';
	const d = describeDataset(id, 'es');
	return {
		title: d.title,
		description: d.description,
		license: 'CC BY 4.0',
		licenseUrl: LICENSE_URL,
		generatedAt: now.toISOString(),
		source: m.datos_source(
			{ entity, what: msg(`datos_source_${KEY[id]}`, 'es') },
			{ locale: 'es' }
		),
		publisher: entity
	};
}

/** A dataset's rows and when its source last changed (for Last-Modified). */
export interface DatasetRows<Row> {
	rows: Row[];
	/** Latest change of what the rows are made of; null for an empty dataset. */
	lastModified: Date | null;
}

const latest = (dates: readonly string[]): Date | null => {
	const max = dates.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null);
	return max ? new Date(max.length === 10 ? `${max}T00:00:00-05:00` : max) : null;
};

export async function planRows(origin: string, today: IsoDate): Promise<DatasetRows<PlanGeltRow>> {
	const [activities, lines] = await Promise.all([
		listContent('actividad-gelt'),
		listContent('linea-gelt')
	]);
	const lineTitle = new Map(lines.map((l) => [l.slug, l.title]));
	const rows = activities
		.map((a) => ({
			actividad: a.slug,
			titulo: a.title,
			linea: a.line,
			linea_titulo: lineTitle.get(a.line) ?? '',
			fase: a.phase,
			dependencia_responsable: a.responsibleName,
			responsable: a.owner,
			fecha_inicio: a.start,
			fecha_entrega: a.due,
			estado: a.status,
			atrasada: isOverdue(a, today),
			avance: a.progress,
			evidencias: a.evidence.map((e) => new URL(e.href, origin).href),
			url: new URL(pathFor(a), origin).href,
			actualizado: a.updatedAt
		}))
		.sort((x, y) => (x.linea_titulo + x.titulo).localeCompare(y.linea_titulo + y.titulo, 'es'));
	return {
		rows,
		lastModified: latest([...activities, ...lines].map((d) => d.updatedAt))
	};
}

function timeText(t: ContentDocOf<'tramite'>['time']): string {
	const value = t.value ?? 1;
	const es = { locale: 'es' as const };
	const text = {
		inmediato: () => m.tramite_time_inmediato(undefined, es),
		horas: () => m.tramite_time_horas({ value }, es),
		'dias-habiles': () => m.tramite_time_dias_habiles({ value }, es),
		'dias-calendario': () => m.tramite_time_dias_calendario({ value }, es)
	}[t.kind]();
	return t.notes ? `${text}. ${t.notes}` : text;
}

export async function tramiteRows(origin: string): Promise<DatasetRows<TramiteRow>> {
	const tramites = await listContent('tramite');
	const rows = tramites
		.map((t) => ({
			tramite: t.slug,
			nombre: t.title,
			tipo: t.kind,
			categoria: t.category,
			proposito: t.purpose,
			gratuito: t.cost.free,
			costo: t.cost.description,
			tiempo: timeText(t.time),
			fundamento_legal: t.legalBasis,
			canales: t.channels,
			dependencia_responsable: t.responsibleName,
			url: new URL(pathFor(t), origin).href,
			actualizado: t.updatedAt
		}))
		.sort((a, b) => a.nombre.localeCompare(b.nombre, 'es'));
	return { rows, lastModified: latest(tramites.map((t) => t.updatedAt)) };
}

let statsMemo:
	| {
			requests: Map<string, unknown>;
			key: string;
			value: { stats: RequestStatistics; lastModified: Date | null };
	  }
	| undefined;

/**
 * The statistics of every filed request as of `now` (Bogotá date), from the live store.
 * Remembered while the requests, the calendar and the day are the same (`allRequests` hands
 * back the same map until the requests database changes), so the tables page and the files
 * share one computation.
 */
export async function currentStatistics(
	now: Date
): Promise<{ stats: RequestStatistics; lastModified: Date | null }> {
	const [requests, calendar, sitio] = await Promise.all([
		allRequests(),
		municipalCalendar(),
		getContent('sitio', 'sitio')
	]);
	const officialVeredas = sitio?.veredas ?? [];
	const key = JSON.stringify([bogotaDate(now), calendar.closures, officialVeredas]);
	if (statsMemo?.requests === requests && statsMemo.key === key) return statsMemo.value;
	const input = [...requests.values()].map(({ doc, events }) => ({
		purpose: doc.purpose,
		type: (doc.purpose === 'pqrsd' ? doc.pqrsdType : doc.tramite) ?? doc.form,
		receivedAt: doc.receivedAt,
		deadline: doc.deadline,
		vereda: doc.applicant?.vereda,
		events
	}));
	const stamps = [...requests.values()].flatMap(({ doc, events }) => [
		doc.receivedAt,
		...events.map((e) => e.recordedAt ?? e.at)
	]);
	const value = {
		stats: requestStatistics(input, bogotaDate(now), calendar, officialVeredas),
		lastModified: latest(stamps)
	};
	statsMemo = { requests, key, value };
	return value;
}

function groupRows(dimension: StatRow['dimension'], clave: string, g: GroupStats): StatRow[] {
	const figures: Array<[StatRow['metrica'], number | null]> = [
		['solicitudes', g.filed],
		['respondidas', g.answered],
		['abiertas', g.open],
		['abiertas_vencidas', g.openOverdue],
		['remitidas', g.remitted],
		['desistidas', g.withdrawn],
		['negadas', g.denied],
		['mediana_dias_habiles', g.medianDays],
		['p90_dias_habiles', g.p90Days],
		['con_desenlace', g.decided],
		['respondidas_en_termino', g.withinTerm],
		// A percentage with one decimal: what the transparency report shows.
		[
			'porcentaje_en_termino',
			g.withinTermShare === null ? null : Math.round(g.withinTermShare * 1000) / 10
		]
	];
	return figures.map(([metrica, valor]) => ({ dimension, clave, metrica, valor }));
}

/** The statistics in tidy long format: one figure per row. */
export function statRows(stats: RequestStatistics): StatRow[] {
	return [
		...groupRows('total', 'todas', stats.overall),
		...stats.byType.flatMap((t) =>
			groupRows(t.purpose === 'pqrsd' ? 'tipo' : 'tramite', t.type, t)
		),
		...stats.byMonth.map((mo) => ({
			dimension: 'mes' as const,
			clave: mo.month,
			metrica: 'solicitudes' as const,
			valor: mo.count
		})),
		...stats.byVereda.map((v) => ({
			dimension: 'vereda' as const,
			clave: v.label || v.key,
			metrica: 'solicitudes' as const,
			valor: v.count
		}))
	];
}
