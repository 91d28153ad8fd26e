/**
 * Answers to consultas, the server side of the device's answer queue (and of the plain HTML
 * form). Guarantees, like filing a request:
 * - **Counted once per device.** The document id is the consulta and the SHA-256 of the
 *   device's random key (see `answerKey`), written create-only: a retry, or the same answer
 *   again, finds it and is answered as before; a different answer from that device is refused.
 * - **All or nothing.** The answer is checked against the consulta's questions before anything
 *   is written, and written as one document.
 * - **The server's clock decides** whether the consulta is open (Bogotá calendar day).
 */
import type { AnswerDoc } from '$lib/schemas';
import { answerDocSchema } from '$lib/schemas';
import { refusal, type Refusal } from '$lib/errors';
import { createHash } from 'node:crypto';
import { bogotaDate } from '$lib/domain/calendar-date';
import { answerKey, answerValidator, consultaState } from '$lib/domain/consulta-answers';
import { aggregateResults, type ConsultaResults } from '$lib/domain/consulta-results';
import { answerSubmissionSchema, type ContentDocOf } from '$lib/schemas';
import { rates } from '$lib/server/limits/rates';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { getContent } from '$lib/server/content/repo';
import { issuesOf } from '$lib/server/http/json-body';
import { KeyedLock } from '$lib/server/util/keyed-lock';
import { canonicalJson } from '$lib/server/util/canonical-json';

type Consulta = ContentDocOf<'consulta'>;

export type AnswerOutcome =
	| { ok: true; status: 200 | 201; receipt: { id: string; receivedAt: string } }
	| (Refusal & { retryAfter?: number });

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const sameAnswer = new KeyedLock();

/**
 * Stores one answer to the consulta `slug`. Never throws for bad input (that is an outcome);
 * throws only when the store fails, which callers answer with a 5xx the device retries.
 */
export async function submitAnswer(
	slug: string,
	input: unknown,
	opts: { address: string; now?: () => Date }
): Promise<AnswerOutcome> {
	const parsed = answerSubmissionSchema.safeParse(input);
	if (!parsed.success) {
		return refusal('respuesta_invalida', {
			issues: issuesOf(parsed.error)
		});
	}
	const consulta = await getContent('consulta', slug);
	if (!consulta) return refusal('no_encontrado');
	const checked = answerValidator(consulta.questions)(parsed.data.answers);
	if (!checked.ok) {
		return refusal('respuesta_invalida', {
			questions: checked.errors
		});
	}
	const { id: clientId, deviceKey } = parsed.data;
	const docId = answerKey({
		consulta: consulta.slug,
		deviceHash: sha256(deviceKey),
		allowMultiple: consulta.allowMultiple,
		clientId
	});
	const hash = sha256(canonicalJson({ consulta: consulta.slug, answers: checked.answers }));
	const now = opts.now ?? (() => new Date());
	return sameAnswer.run(docId, async () => {
		const client = couch();
		const existing = await client.get(DB.participation, docId, answerDocSchema);
		if (existing) return replayOrRefuse(existing, hash, consulta);
		const today = bogotaDate(now());
		const state = consultaState(consulta, today);
		if (state !== 'abierta') {
			// The dates say whether it opens later or has closed: the device words it.
			return refusal('consulta_cerrada', {
				state,
				opensAt: consulta.opensAt,
				closesAt: consulta.closesAt
			});
		}
		// New answers per address (shared by every server): a script making up device keys
		// cannot stuff a consulta faster than a busy Wi-Fi of honest people would answer.
		const { wait } = await rates().answersByAddress.take(opts.address);
		if (wait) return { ...refusal('demasiados_intentos'), retryAfter: wait };
		const doc: AnswerDoc = {
			_id: docId,
			type: 'respuesta',
			consulta: consulta.slug,
			clientId,
			answers: checked.answers,
			payloadHash: hash,
			receivedAt: now().toISOString()
		};
		try {
			await client.put(DB.participation, doc);
		} catch (e) {
			if (!(e instanceof CouchError && e.status === 409)) throw e;
			const winner = await client.get(DB.participation, docId, answerDocSchema);
			if (!winner) throw e;
			return replayOrRefuse(winner, hash, consulta);
		}
		return { ok: true, status: 201, receipt: { id: clientId, receivedAt: doc.receivedAt } };
	});
}

function replayOrRefuse(existing: AnswerDoc, hash: string, consulta: Consulta): AnswerOutcome {
	if (existing.payloadHash === hash) {
		return {
			ok: true,
			status: 200,
			receipt: { id: existing.clientId, receivedAt: existing.receivedAt }
		};
	}
	return consulta.allowMultiple ? refusal('conflicto_id') : refusal('ya_respondio');
}

/** Every stored answer of a consulta. */
export async function answersOf(slug: string): Promise<AnswerDoc[]> {
	return couch().range(
		DB.participation,
		`respuesta:${slug}:`,
		`respuesta:${slug}:\ufff0`,
		answerDocSchema
	);
}

/** Answers per consulta slug, for the back office's list. */
export async function answerCounts(): Promise<Map<string, number>> {
	const res = await couch().json<{ rows: Array<{ id: string }> }>(
		`${DB.participation}/_all_docs?${new URLSearchParams({
			startkey: JSON.stringify('respuesta:'),
			endkey: JSON.stringify('respuesta:\ufff0')
		})}`
	);
	const counts = new Map<string, number>();
	for (const row of res.rows) {
		const slug = row.id.split(':')[1] ?? '';
		counts.set(slug, (counts.get(slug) ?? 0) + 1);
	}
	return counts;
}

/** The consulta's results from its stored answers (whoever calls decides if they may be shown). */
export async function resultsOf(consulta: Consulta): Promise<ConsultaResults> {
	const docs = await answersOf(consulta.slug);
	return aggregateResults(
		consulta.questions,
		docs.map((d) => d.answers)
	);
}
