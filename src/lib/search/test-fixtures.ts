/**
 * Valid content documents for tests, built through the real schema so defaults and validation
 * match what the server stores. Only the fields a test cares about need to be given.
 */
import { contentDocSchema, contentId, type ContentDoc, type ContentType } from '$lib/schemas';
import type { SearchDoc } from './search-doc';

const REQUIRED: Record<ContentType, Record<string, unknown>> = {
	sitio: {
		entityName: 'Alcaldía de Puerto Guzmán',
		municipality: 'Puerto Guzmán',
		department: 'Putumayo',
		postalCode: '863001',
		address: 'Carrera 4, Palacio municipal',
		hours: 'Lunes a viernes',
		phones: [{ label: 'Conmutador', number: '+57 000 000 0000' }],
		emails: [{ label: 'Notificaciones judiciales', email: 'notificaciones@example.gov.co' }]
	},
	pagina: { section: 'municipio' },
	'linea-gelt': {},
	'actividad-gelt': {
		line: 'mantener-actualizada-la-pagina-web',
		phase: 'informacion',
		owner: 'Secretario(a) de Gobierno',
		start: '2026-01-15',
		due: '2026-06-30',
		status: 'en-curso',
		progress: 40
	},
	'reunion-gelt': {
		date: '2026-02-10',
		place: 'Despacho del alcalde',
		attendees: [{ name: 'Ana Pérez', role: 'Secretaria de Gobierno' }],
		agenda: ['Seguimiento del plan']
	},
	consulta: {
		kind: 'consulta',
		opensAt: '2026-11-01',
		closesAt: '2026-12-15',
		questions: [{ id: 'acuerdo', kind: 'si-no', label: '¿Está de acuerdo?', required: true }]
	},
	'proyecto-acuerdo': {
		number: '012 de 2026',
		filedAt: '2026-11-02',
		author: 'Alcalde municipal',
		status: 'en-estudio'
	},
	dependencia: { institution: 'alcaldia', head: 'Secretario(a)', contact: {} },
	institucion: { kind: 'alcaldia', contact: {} },
	noticia: { kind: 'noticia', date: '2026-01-15' },
	norma: {
		kind: 'acuerdo',
		number: '001 de 2026',
		issuedAt: '2026-01-10',
		issuer: 'Concejo Municipal',
		topic: 'Presupuesto'
	},
	tramite: {
		kind: 'tramite',
		category: 'hacienda',
		purpose: 'Obtener el documento.',
		result: 'Documento',
		audience: ['persona-natural'],
		requirements: [{ text: 'Documento de identidad' }],
		steps: ['Radicar la solicitud'],
		cost: { free: true, description: 'Sin costo' },
		time: { kind: 'dias-habiles', value: 5 },
		legalBasis: ['Ley 1437 de 2011'],
		channels: ['presencial'],
		pointsOfAttention: [
			{ name: 'Ventanilla única', address: 'Palacio municipal', hours: '8 a 12' }
		],
		tracking: 'Número de radicado'
	},
	transparencia: { code: '1', status: 'publicado' },
	'sesion-concejo': {
		date: '2026-02-01',
		kind: 'ordinaria',
		status: 'programada',
		place: 'Recinto del Concejo',
		agenda: ['Llamado a lista']
	},
	formulario: {
		purpose: 'pqrsd',
		pqrsdType: 'queja',
		anonymousAllowed: true,
		fields: [{ name: 'hechos', label: 'Hechos', kind: 'parrafo', required: true }],
		attachments: { max: 3 }
	}
};

/** A stored content document of `type`, valid against `contentDocSchema`. */
export function contentDoc(
	type: ContentType,
	fields: { slug: string; title: string } & Record<string, unknown>
): ContentDoc {
	return contentDocSchema.parse({
		responsible: 'secretaria-de-gobierno',
		updatedAt: '2026-01-01',
		html: '',
		responsibleName: 'Secretaría de Gobierno',
		...REQUIRED[type],
		...fields,
		_id: contentId(type, fields.slug),
		type
	});
}

/** A search document with just the fields a test cares about. */
export function searchDoc(fields: Partial<SearchDoc> & { id: string }): SearchDoc {
	const [type, slug] = fields.id.split(':') as [ContentType, string];
	return {
		type,
		title: '',
		url: `/${type}/${slug}`,
		summary: '',
		text: '',
		updatedAt: '2026-01-01',
		...fields
	};
}
