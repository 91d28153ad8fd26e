/**
 * The essentials of the offline pack: what a citizen needs with no signal — every trámite and
 * its form, the PQRSD menu's forms, the portal's own pages (channels and hours of attention,
 * what a PQRSD is, the personal-data policy a filing accepts), the offices and institutions
 * with their contacts, and the transparency menu. A device's first pull brings these before the rest
 * (news, normas, sessions of the Concejo, the GEL-T plan's history, participation), so on a
 * slow link the portal is useful offline long before the whole pack has arrived (#16).
 *
 * Content ids are `<type>:<slug>` (`contentIdSchema`), so the server can tell an essential
 * document from its id alone, in the changes feed, without reading the document.
 */
import type { ContentType } from '$lib/schemas';

export const ESSENTIAL_TYPES = [
	'sitio',
	'pagina',
	'tramite',
	'formulario',
	'dependencia',
	'institucion',
	'transparencia'
] as const satisfies readonly ContentType[];

const essential = new Set<string>(ESSENTIAL_TYPES);

/**
 * The name a pull asks the replication gate for (`_changes?filter=…`), in CouchDB's
 * `design/filter` shape so PouchDB passes it through to the server untouched.
 */
export const ESSENTIALS_FILTER = 'contenido/esenciales';

/** Whether the content document with this id belongs to the essentials. */
export function isEssentialId(id: string): boolean {
	const colon = id.indexOf(':');
	return colon > 0 && essential.has(id.slice(0, colon));
}
