/**
 * The open-data files the portal publishes (Ley 1712 art. 11 lit. k; Res. MinTIC 1519 §7.2):
 * one row schema per dataset and the JSON envelope `{ metadata, data }`. Column names are the
 * CSV header and the JSON keys alike, in Spanish snake_case as datos.gov.co datasets use.
 */
import { z } from 'zod';
import { TRAMITE_CATEGORIES } from './content';
import { GEL_PHASES, ACTIVITY_STATUSES } from './vocab';
import { isoDateSchema, isoDateTimeSchema } from './common';

export const OPEN_DATASETS = ['plan-gelt', 'tramites', 'pqrsd-estadisticas'] as const;
export type OpenDataset = (typeof OPEN_DATASETS)[number];

export const openDataMetadataSchema = z.object({
	title: z.string().min(1),
	description: z.string().min(1),
	license: z.literal('CC BY 4.0'),
	licenseUrl: z.url(),
	generatedAt: isoDateTimeSchema,
	source: z.string().min(1),
	publisher: z.string().min(1)
});
export type OpenDataMetadata = z.infer<typeof openDataMetadataSchema>;

export const planGeltRowSchema = z.object({
	actividad: z.string(),
	titulo: z.string(),
	linea: z.string(),
	linea_titulo: z.string(),
	fase: z.enum(GEL_PHASES),
	dependencia_responsable: z.string(),
	responsable: z.string(),
	fecha_inicio: isoDateSchema,
	fecha_entrega: isoDateSchema,
	estado: z.enum(ACTIVITY_STATUSES),
	atrasada: z.boolean(),
	avance: z.number().int().min(0).max(100),
	evidencias: z.array(z.string()),
	url: z.string(),
	actualizado: isoDateSchema
});
export type PlanGeltRow = z.infer<typeof planGeltRowSchema>;

export const tramiteRowSchema = z.object({
	tramite: z.string(),
	nombre: z.string(),
	tipo: z.enum(['tramite', 'opa']),
	categoria: z.enum(TRAMITE_CATEGORIES),
	proposito: z.string(),
	gratuito: z.boolean(),
	costo: z.string(),
	tiempo: z.string(),
	fundamento_legal: z.array(z.string()),
	canales: z.array(z.enum(['presencial', 'en-linea', 'telefonico'])),
	dependencia_responsable: z.string(),
	url: z.string(),
	actualizado: isoDateSchema
});
export type TramiteRow = z.infer<typeof tramiteRowSchema>;

export const STAT_DIMENSIONS = ['total', 'tipo', 'tramite', 'mes', 'vereda'] as const;
export const STAT_METRICS = [
	'solicitudes',
	'respondidas',
	'abiertas',
	'abiertas_vencidas',
	'remitidas',
	'desistidas',
	'negadas',
	'mediana_dias_habiles',
	'p90_dias_habiles',
	'con_desenlace',
	'respondidas_en_termino',
	'porcentaje_en_termino'
] as const;

/** One figure in tidy long format: a dimension, one of its keys, a metric and its value. */
export const statRowSchema = z.object({
	dimension: z.enum(STAT_DIMENSIONS),
	clave: z.string(),
	metrica: z.enum(STAT_METRICS),
	/** Null when the figure does not exist yet (e.g. a median with no answers). */
	valor: z.number().nullable()
});
export type StatRow = z.infer<typeof statRowSchema>;

const envelope = <T extends z.ZodType>(row: T) =>
	z.object({ metadata: openDataMetadataSchema, data: z.array(row) });

export const planGeltDatasetSchema = envelope(planGeltRowSchema);
export const tramitesDatasetSchema = envelope(tramiteRowSchema);
export const pqrsdStatsDatasetSchema = envelope(statRowSchema);
