/**
 * Display labels of schema enums, from the message catalogues. One place, so a new enum value
 * fails type-checking here instead of showing a raw code to citizens.
 */
import { m } from '$lib/paraglide/messages';
import type { ContentDocOf, EventDoc } from '$lib/schemas';
import type { RequestStatus } from '$lib/schemas/vocab';
import type { Role } from '$lib/schemas/vocab';
import type { Semaforo } from '$lib/domain/semaforo';
import type { HandInReason } from '$lib/domain/hand-in';
import type { PriorityReason } from '$lib/domain/priority';
import { HAND_IN } from '$lib/policy';

type Tramite = ContentDocOf<'tramite'>;

export const categoryLabel = (c: Tramite['category']): string =>
	({
		hacienda: m.category_hacienda,
		planeacion: m.category_planeacion,
		gobierno: m.category_gobierno,
		sisben: m.category_sisben,
		'desarrollo-social': m.category_desarrollo_social,
		agropecuario: m.category_agropecuario,
		salud: m.category_salud,
		inspeccion: m.category_inspeccion
	})[c]();

export const audienceLabel = (a: Tramite['audience'][number]): string =>
	({
		'persona-natural': m.audience_persona_natural,
		'persona-juridica': m.audience_persona_juridica
	})[a]();

export const channelLabel = (c: Tramite['channels'][number]): string =>
	({
		presencial: m.channel_presencial,
		'en-linea': m.channel_en_linea,
		telefonico: m.channel_telefonico
	})[c]();

export function timeLabel(t: Tramite['time']): string {
	const value = t.value ?? 1;
	switch (t.kind) {
		case 'inmediato':
			return m.tramite_time_inmediato();
		case 'horas':
			return m.tramite_time_horas({ value });
		case 'dias-habiles':
			return m.tramite_time_dias_habiles({ value });
		case 'dias-calendario':
			return m.tramite_time_dias_calendario({ value });
	}
}

export const newsKindLabel = (k: ContentDocOf<'noticia'>['kind']): string =>
	({ noticia: m.news_kind_noticia, evento: m.news_kind_evento, aviso: m.news_kind_aviso })[k]();

export const normKindLabel = (k: ContentDocOf<'norma'>['kind']): string =>
	({
		acuerdo: m.norm_kind_acuerdo,
		decreto: m.norm_kind_decreto,
		resolucion: m.norm_kind_resolucion,
		ley: m.norm_kind_ley,
		circular: m.norm_kind_circular,
		otro: m.norm_kind_otro
	})[k]();

export const transparencyStatusLabel = (s: ContentDocOf<'transparencia'>['status']): string =>
	({
		publicado: m.transparency_status_publicado,
		parcial: m.transparency_status_parcial,
		'sin-informacion': m.transparency_status_sin_informacion,
		'no-aplica': m.transparency_status_no_aplica
	})[s]();

export const transparencyStatusTone = (s: ContentDocOf<'transparencia'>['status']) =>
	({ publicado: 'ok', parcial: 'warn', 'sin-informacion': 'bad', 'no-aplica': '' })[s];

export const sessionKindLabel = (k: ContentDocOf<'sesion-concejo'>['kind']): string =>
	({
		ordinaria: m.council_session_kind_ordinaria,
		extraordinaria: m.council_session_kind_extraordinaria,
		instalacion: m.council_session_kind_instalacion
	})[k]();

export const sessionStatusLabel = (s: ContentDocOf<'sesion-concejo'>['status']): string =>
	({
		programada: m.council_status_programada,
		realizada: m.council_status_realizada,
		aplazada: m.council_status_aplazada
	})[s]();

export const sectionLabel = (s: ContentDocOf<'pagina'>['section']): string =>
	({
		municipio: m.section_municipio,
		alcaldia: m.section_alcaldia,
		concejo: m.section_concejo,
		'gel-t': m.section_gel_t,
		participa: m.section_participa,
		atencion: m.section_atencion,
		politicas: m.section_politicas
	})[s]();

/** The back office's tag for a request to attend first. */
export const priorityLabel = (p: PriorityReason): string =>
	({
		menor: m.bo_priority_menor,
		preferente: m.bo_priority_preferente,
		'perjuicio-irremediable': m.bo_priority_perjuicio
	})[p]();

export const requestStatusLabel = (s: RequestStatus): string =>
	({
		radicada: m.status_radicada,
		'en-tramite': m.status_en_tramite,
		respondida: m.status_respondida,
		cerrada: m.status_cerrada
	})[s]();

export const roleLabel = (r: Role): string =>
	({
		administrador: m.role_administrador,
		editor: m.role_editor,
		funcionario: m.role_funcionario,
		'funcionario-campo': m.role_funcionario_campo,
		'comite-gelt': m.role_comite_gelt
	})[r]();

export const semaforoLabel = (s: Semaforo): string =>
	({
		vencida: m.semaforo_vencida,
		'por-vencer': m.semaforo_por_vencer,
		'a-tiempo': m.semaforo_a_tiempo,
		'sin-plazo': m.semaforo_sin_plazo,
		atendida: m.semaforo_atendida,
		remitida: m.semaforo_remitida,
		'en-espera': m.semaforo_en_espera
	})[s]();

export const eventKindLabel = (k: EventDoc['kind'], locale?: 'es' | 'en'): string =>
	({
		estado: m.event_estado,
		respuesta: m.event_respuesta,
		asignacion: m.event_asignacion,
		traslado: m.event_traslado,
		prorroga: m.event_prorroga,
		remision: m.event_remision,
		desistimiento: m.event_desistimiento,
		requerimiento: m.event_requerimiento,
		complemento: m.event_complemento,
		'desistimiento-tacito': m.event_desistimiento_tacito,
		nota: m.event_nota
	})[k]({}, locale ? { locale } : undefined);

/**
 * A transparency heading numbered as Res. MinTIC 1519 de 2020 numbers it, once: "1. Información
 * de la entidad" (a category), "1.1 Misión, visión, funciones y deberes" (an item). The number
 * is the `code` field, never part of the title.
 */
export const transparencyHeading = (t: { code: string; title: string }): string =>
	`${t.code}${t.code.includes('.') ? '' : '.'} ${t.title}`;

export const handInReasonLabel = (r: HandInReason): string =>
	({
		firma_invalida: m.hand_in_reason_firma_invalida,
		kiosco_inactivo: m.hand_in_reason_kiosco_inactivo,
		fuera_de_sesion: m.hand_in_reason_fuera_de_sesion,
		otro_funcionario: m.hand_in_reason_otro_funcionario,
		hora_futura: m.hand_in_reason_hora_futura,
		demasiado_antigua: () => m.hand_in_reason_demasiado_antigua({ days: HAND_IN.maxAgeDays })
	})[r]();

type InForce = ContentDocOf<'norma'>['inForce'];

/** Whether a norm is in force, in words: "Vigente", "Derogada o sin vigencia", "Vigencia por confirmar". */
export const inForceLabel = (v: InForce): string =>
	v === 'por-confirmar'
		? m.norm_in_force_unconfirmed()
		: v
			? m.norm_in_force()
			: m.norm_not_in_force();

export const inForceTone = (v: InForce) => (v === 'por-confirmar' ? 'warn' : v ? 'ok' : 'bad');
