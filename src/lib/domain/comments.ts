/**
 * Citizens' comments on proyectos de acuerdo: when a proposal takes them, how their text is
 * cleaned before it is stored, and what moderation decided. Pure, shared by the page, the API
 * and the tests.
 */
import { withoutInvisible } from '../schemas/text';
import type { IsoDate } from './calendar-date';

/** Bounds of a comment's text, in characters after cleaning. */
export const COMMENT_MIN = 10;
export const COMMENT_MAX = 2000;
/** Longest name a commenter may give. */
export const NAME_MAX = 120;

/**
 * The text as it is stored and shown: NFC, line breaks unified, invisible and control
 * characters removed, runs of blank lines and spaces collapsed, trimmed. Markup is kept as the
 * characters it is: pages print it escaped, so `<script>` is only ever text.
 */
export function cleanCommentText(raw: string): string {
	return withoutInvisible(raw.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
		.normalize('NFC')
		.replace(/[ \u00a0]{2,}/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** A name on one line, cleaned the same way; empty when nothing is left. */
export function cleanName(raw: string): string {
	return cleanCommentText(raw).replace(/\s+/g, ' ');
}

export type CommentTextError = 'comentario_corto' | 'comentario_largo';

export function checkCommentText(clean: string): CommentTextError | null {
	const n = [...clean].length;
	if (n < COMMENT_MIN) return 'comentario_corto';
	if (n > COMMENT_MAX) return 'comentario_largo';
	return null;
}

/** Whether a proposal takes comments on `today` (Bogotá). */
export function commentsOpen(
	p: { status: string; commentsUntil?: IsoDate },
	today: IsoDate
): boolean {
	return p.status === 'en-estudio' && !!p.commentsUntil && today <= p.commentsUntil;
}

export type CommentStatus = 'pendiente' | 'aprobado' | 'rechazado';

/** A comment's status: pending until its one moderation decision exists. */
export function commentStatus(decision: { decision: 'aprobado' | 'rechazado' } | undefined) {
	return (decision?.decision ?? 'pendiente') as CommentStatus;
}
