/**
 * Priority attention for a request (atención prioritaria). Three reasons, one rule:
 * - `menor`: the applicant is a child or adolescent (tarjeta de identidad, registro civil). They
 *   may petition on their own, and with priority (CPACA art. 5 num. 6, Código de la Infancia y la
 *   Adolescencia art. 8–9): nothing to claim, it follows from the document.
 * - `preferente`: the applicant says they are a person CPACA art. 5 num. 6 gives special and
 *   preferential attention (disability, pregnancy, older age, manifest weakness).
 * - `perjuicio-irremediable`: the applicant asks for priority to avoid irreparable harm to a
 *   fundamental right (Ley 1755 de 2015 art. 20; the official judges the summary proof).
 * Priority orders the inbox; it never changes the legal term.
 */
import { isMinorDocument, type Applicant } from '$lib/schemas';
import type { PriorityClaim } from '$lib/schemas/vocab';

export type PriorityReason = 'menor' | PriorityClaim;

/** Why the request is to be attended first, or null when it is not. */
export function priorityOf(
	applicant: Pick<Applicant, 'documentType' | 'priority'> | undefined
): PriorityReason | null {
	if (!applicant) return null;
	if (isMinorDocument(applicant.documentType)) return 'menor';
	return applicant.priority ?? null;
}
