/**
 * How far the first download of the portal has got, as a percentage for "Guardando el portal:
 * 40 %". CouchDB sequences are opaque, but their numeric prefix grows with every change
 * ("210-g1AAAA…" on CouchDB 3, plain 210 on the embedded store), so the share of the database's
 * current sequence already received is a fair measure of progress. Never 100 before the pull
 * has finished: the search index is still to be built.
 */

/** Numeric prefix of a sequence, or null when it has none. */
export function seqNumber(seq: unknown): number | null {
	if (typeof seq === 'number') return Number.isFinite(seq) && seq >= 0 ? seq : null;
	if (typeof seq !== 'string') return null;
	const match = /^(\d+)/.exec(seq);
	return match ? Number(match[1]) : null;
}

/** Percent received (0–99) of a pull that has reached `lastSeq` towards `updateSeq`. */
export function pullPercent(lastSeq: unknown, updateSeq: unknown): number | null {
	return sharePercent(seqNumber(lastSeq), seqNumber(updateSeq));
}

/** Percent (0–99) of `total` that `done` is: a pack's documents stored, say. */
export function sharePercent(done: number | null, total: number | null): number | null {
	if (done === null || total === null || total === 0) return null;
	return Math.max(0, Math.min(99, Math.floor((done / total) * 100)));
}
