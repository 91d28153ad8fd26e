import { couchUrl } from '$lib/server/config';
import { CouchClient } from './client';

let client: CouchClient | undefined;

/** The process-wide client for the configured store. */
export function couch(): CouchClient {
	client ??= new CouchClient(couchUrl());
	return client;
}

/** Database names, one place. */
export const DB = {
	/** Published public content, replicated read-only to every device. */
	content: 'contenido',
	/** Filed requests, their radicado claims and their events. Never replicated to citizens. */
	requests: 'solicitudes',
	/** Back office: officials' accounts and sessions, content drafts and revisions. Never replicated. */
	staff: 'gestion',
	/** Citizens' answers to consultas and comments on proyectos de acuerdo, with moderation. Never replicated. */
	participation: 'participacion',
	/** Uses counted by the rate limits every app server shares (keys are HMACs). Never replicated. */
	limits: 'limites',
	/**
	 * Pieces of attachments sent ahead of their request (`$lib/server/requests/staged-uploads`),
	 * removed once it is filed or after `LIMITS.stagedUploadHours`. Never replicated.
	 */
	uploads: 'adjuntos',
	/** The offline pack's plan and its compressed segments (`$lib/server/pack`). Server only. */
	pack: 'paquete'
} as const;
