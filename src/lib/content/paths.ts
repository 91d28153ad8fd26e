import type { ContentDoc, ContentType } from '$lib/schemas';

/** URL prefix of each content type's detail pages; `null` where the type has no page of its own. */
export const TYPE_PATHS: Record<ContentType, string | null> = {
	sitio: null,
	pagina: '/informacion',
	dependencia: '/directorio',
	institucion: '/entidades',
	noticia: '/noticias',
	norma: '/normativa',
	tramite: '/tramites',
	transparencia: '/transparencia',
	'sesion-concejo': '/concejo/sesiones',
	formulario: '/formularios',
	'linea-gelt': '/gel-t/lineas',
	'actividad-gelt': '/gel-t/actividades',
	'reunion-gelt': '/gel-t/reuniones',
	consulta: '/participa/consultas',
	'proyecto-acuerdo': '/concejo/proyectos'
};

/** Canonical path of a content item, e.g. `/tramites/certificado-de-residencia`. */
export function pathFor(doc: Pick<ContentDoc, 'type' | 'slug'>): string {
	const prefix = TYPE_PATHS[doc.type];
	return prefix ? `${prefix}/${doc.slug}` : '/';
}
