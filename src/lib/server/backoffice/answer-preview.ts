/**
 * "Revise before it goes out": an answer is stored only when the official confirms the very
 * answer they were shown. The preview hands back a key over what the citizen will read (text,
 * denial, status, the document's name and size); the confirmation must carry the same key, so
 * an answer edited after its preview is shown again instead of being sent unseen.
 */
import { createHash } from 'node:crypto';
import type { AnswerDocument, EventInput } from '$lib/schemas';

type Answer = Extract<EventInput, { kind: 'respuesta' }>;

export interface AnswerPreview {
	key: string;
	text: string;
	status: Answer['status'];
	denial?: Answer['denial'];
	document?: { name: string; size: number };
}

export function previewAnswer(answer: Answer, document?: AnswerDocument): AnswerPreview {
	const shown = {
		text: answer.text,
		status: answer.status,
		...(answer.denial ? { denial: answer.denial } : {}),
		...(document ? { document: { name: document.name, size: document.size } } : {})
	};
	const key = createHash('sha256').update(JSON.stringify(shown)).digest('base64url').slice(0, 32);
	return { key, ...shown };
}
