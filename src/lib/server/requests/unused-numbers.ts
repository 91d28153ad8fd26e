/**
 * The register of numbers that were claimed and never used, per series, with the written
 * justification AGN Acuerdo 060 de 2001 (art. 5, parágrafo) asks for each one. Both books are
 * kept: radicados de entrada (requests) and de salida (answers, letters and everything else the
 * citizen is told, claimed for the action's id). The allocator's README lists how a number can
 * stay unused; every such number has a claim that names what it was given to, so the register
 * can say why:
 * - `sin-solicitud`: the claim's request was never stored (its write failed and the device did
 *   not retry in that year). A retry can still take the number, and then it leaves the list.
 * - `sin-comunicacion`: an outgoing number whose action was never stored (its write failed after
 *   the claim, or it was refused then). The same action sent again takes it back.
 * - `otro-numero`: the request or action was stored under another of its claims (copies raced).
 * - `sin-reserva`: a number below the series' highest with no claim at all. The allocator
 *   never leaves one; listed so that an audit sees it if the store ever lost a claim.
 */
import {
	claimDocSchema,
	requestDocSchema,
	unusedNumberNoteSchema,
	type ClaimDoc,
	type SessionUser,
	type UnusedNumberInput,
	type UnusedNumberNote
} from '$lib/schemas';
import {
	bookOf,
	bookPrefix,
	formatRadicado,
	parseRadicado,
	radicadoSeries,
	type NumberingBook
} from '$lib/domain/radicado';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { config } from '$lib/server/config.js';
import { allRequests } from '$lib/server/backoffice/requests';
import { requestDocId, unusedNumberNoteId } from './docs';
import { CLAIMS_VIEW } from './radicado-allocator';

export type UnusedCause = 'sin-solicitud' | 'sin-comunicacion' | 'otro-numero' | 'sin-reserva';

export interface UnusedNumber {
	radicado: string;
	number: number;
	cause: UnusedCause;
	/** When the number was claimed (absent for `sin-reserva`). */
	claimedAt?: string;
	/** The request (entrada) or the action's id (salida) the claim named. */
	requestId?: string;
	note?: Pick<UnusedNumberNote, 'reason' | 'by' | 'byName' | 'at'>;
}

export interface UnusedNumberRegister {
	book: NumberingBook;
	series: string;
	year: number;
	/** Numbers claimed in the series (used or not). */
	claimed: number;
	unused: UnusedNumber[];
}

/** A claim in the register, and why it is there. */
type UnusedClaim = Pick<UnusedNumber, 'radicado' | 'cause'>;

/** Why a justification was refused: the number is in use, or already justified. */
export class UnusedNumberRefused extends Error {
	constructor(readonly code: 'numero_en_uso' | 'ya_justificado') {
		super(code);
	}
}

const range = (prefix: string) => [prefix, `${prefix}\ufff0`] as const;

/** How many radicados each request claimed, in every series (the allocator's view). */
async function claimsPerRequest(requestIds: readonly string[]): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	const keys = await couch().viewKeys(DB.requests, CLAIMS_VIEW.ddoc, CLAIMS_VIEW.view, requestIds);
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}

/** The claims of one series that no stored request holds, with why. */
async function unusedEntryClaims(claims: readonly ClaimDoc[]): Promise<UnusedClaim[]> {
	const requestIds = [...new Set(claims.map((c) => c.solicitud))];
	const [stored, claimCounts] = await Promise.all([
		couch().existingIds(DB.requests, requestIds.map(requestDocId)),
		claimsPerRequest(requestIds)
	]);
	// A request with more than one claim (in this series or another year's) holds one of them:
	// only those requests are read (rare; a request carries its attachments inline).
	const several = requestIds.filter(
		(id) => (claimCounts.get(id) ?? 0) > 1 && stored.has(requestDocId(id))
	);
	const heldBy = new Map<string, string>();
	if (several.length) {
		const rows = await couch().allDocs(
			DB.requests,
			{ keys: several.map(requestDocId) },
			requestDocSchema
		);
		for (const row of rows) if (row.doc) heldBy.set(row.doc.id, row.doc.radicado);
	}
	return claims.flatMap((c): UnusedClaim[] =>
		!stored.has(requestDocId(c.solicitud))
			? [{ radicado: c.radicado, cause: 'sin-solicitud' }]
			: heldBy.has(c.solicitud) && heldBy.get(c.solicitud) !== c.radicado
				? [{ radicado: c.radicado, cause: 'otro-numero' }]
				: []
	);
}

/**
 * The outgoing claims no stored action holds. An outgoing claim names its action's `clientId`;
 * the back office already holds every request's actions in memory.
 */
async function unusedOutgoingClaims(claims: readonly ClaimDoc[]): Promise<UnusedClaim[]> {
	const outgoingOf = new Map<string, string | undefined>();
	for (const { events } of (await allRequests()).values()) {
		for (const e of events) if (e.clientId) outgoingOf.set(e.clientId, e.outgoing);
	}
	return claims.flatMap((c): UnusedClaim[] =>
		!outgoingOf.has(c.solicitud)
			? [{ radicado: c.radicado, cause: 'sin-comunicacion' }]
			: outgoingOf.get(c.solicitud) !== c.radicado
				? [{ radicado: c.radicado, cause: 'otro-numero' }]
				: []
	);
}

/** The register of one year's series of `book`, lowest number first. */
export async function unusedNumbers(
	year: number,
	book: NumberingBook = 'entrada'
): Promise<UnusedNumberRegister> {
	const prefix = bookPrefix(config().RADICADO_PREFIX, book);
	const series = radicadoSeries(prefix, year);
	const [claims, notes] = await Promise.all([
		couch().range(DB.requests, ...range(`radicado:${series}-`), claimDocSchema),
		couch().range(DB.requests, ...range(`justificacion:${series}-`), unusedNumberNoteSchema)
	]);
	const causes = new Map(
		(book === 'salida' ? await unusedOutgoingClaims(claims) : await unusedEntryClaims(claims)).map(
			(u) => [u.radicado, u.cause]
		)
	);

	const noteOf = new Map(notes.map((n) => [n.radicado, n]));
	const withNote = (u: UnusedNumber): UnusedNumber => {
		const note = noteOf.get(u.radicado);
		return note
			? { ...u, note: { reason: note.reason, by: note.by, byName: note.byName, at: note.at } }
			: u;
	};

	const unused: UnusedNumber[] = [];
	const claimedNumbers = new Set<number>();
	for (const c of claims) {
		claimedNumbers.add(c.number);
		const cause = causes.get(c.radicado);
		if (!cause) continue;
		unused.push(
			withNote({
				radicado: c.radicado,
				number: c.number,
				cause,
				claimedAt: c.at,
				requestId: c.solicitud
			})
		);
	}
	const highest = Math.max(0, ...claimedNumbers);
	for (let n = 1; n < highest; n++) {
		if (claimedNumbers.has(n)) continue;
		const radicado = formatRadicado({ prefix, year, number: n });
		unused.push(withNote({ radicado, number: n, cause: 'sin-reserva' }));
	}
	unused.sort((a, b) => a.number - b.number);
	return { book, series, year, claimed: claims.length, unused };
}

/**
 * Stores the justification of an unused number, signed by `actor` at the server's time.
 * @throws {UnusedNumberRefused} when the number is in use (or not of this deployment's
 *   series) or already justified; a justification is never replaced.
 */
export async function justifyUnusedNumber(
	input: UnusedNumberInput,
	actor: SessionUser,
	now: Date = new Date()
): Promise<UnusedNumberNote> {
	const parts = parseRadicado(input.radicado);
	const book = parts && bookOf(config().RADICADO_PREFIX, parts.prefix);
	if (!parts || !book) throw new UnusedNumberRefused('numero_en_uso');
	const register = await unusedNumbers(parts.year, book);
	const entry = register.unused.find((u) => u.radicado === input.radicado);
	if (!entry) throw new UnusedNumberRefused('numero_en_uso');
	if (entry.note) throw new UnusedNumberRefused('ya_justificado');
	const note: UnusedNumberNote = unusedNumberNoteSchema.parse({
		_id: unusedNumberNoteId(input.radicado),
		type: 'justificacion',
		radicado: input.radicado,
		reason: input.reason,
		by: actor.username,
		byName: actor.name,
		at: now.toISOString()
	});
	try {
		// Create-only (no _rev): two officials signing at once store one justification.
		await couch().put(DB.requests, note);
	} catch (e) {
		if (e instanceof CouchError && e.status === 409)
			throw new UnusedNumberRefused('ya_justificado');
		throw e;
	}
	return note;
}
