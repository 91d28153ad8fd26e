/**
 * Sample answers for the seed's closed encuesta, so a fresh install shows what published
 * results look like. Loaded only together with the seed content (an empty store), with
 * deterministic ids: a second start, or a second server, writes nothing new.
 */
import { createHash } from 'node:crypto';
import type { Answers } from '$lib/domain/consulta-answers';
import { DB } from '$lib/server/couch';
import type { CouchClient } from '$lib/server/couch/client';
import { canonicalJson } from '$lib/server/util/canonical-json';

const CONSULTA = 'encuesta-canales-de-atencion-2026';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** 40 answers spread over the options in fixed proportions (no randomness: same every time). */
function sampleAnswers(): Answers[] {
	const canal = ['presencial', 'telefono', 'portal', 'funcionario-campo'];
	const info = [['emisora'], ['emisora', 'junta'], ['redes'], ['junta'], ['emisora', 'portal']];
	return Array.from({ length: 40 }, (_, i) => ({
		canal: canal[[0, 0, 1, 2, 1, 3, 0, 2][i % 8]!]!,
		informacion: info[i % info.length]!,
		calificacion: [3, 4, 2, 5, 3, 4, 1, 3, 4][i % 9]!,
		...(i % 3 ? { volveria: i % 4 !== 0 } : {})
	}));
}

export async function seedParticipation(client: CouchClient): Promise<void> {
	const docs = sampleAnswers().map((answers, i) => ({
		_id: `respuesta:${CONSULTA}:${sha256(`semilla-${i}`)}`,
		type: 'respuesta',
		consulta: CONSULTA,
		clientId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
		answers,
		payloadHash: sha256(canonicalJson({ consulta: CONSULTA, answers })),
		receivedAt: new Date(Date.UTC(2026, 8, 1 + (i % 60))).toISOString()
	}));
	const results = await client.bulkDocs(DB.participation, docs);
	const failed = results.filter((r) => r.error && r.error !== 'conflict');
	if (failed.length) throw new Error(`Respuestas de ejemplo no cargadas: ${failed[0]?.reason}`);
}
