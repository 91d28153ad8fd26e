/**
 * How a term's presence in a document is scored. Each posting stores a 5-bit field code (which
 * fields hold the term, and how often the body repeats it) instead of a float, so the stored
 * index stays small and the weights below can be tuned without rebuilding it.
 */

/** Bits 0–1 of a field code: body frequency level, 0 (absent) to 3 (four or more times). */
const BODY_MASK = 3;
/** Field-code bit: the term is in the summary. */
export const SUMMARY_BIT = 4;
/** Field-code bit: the term is in a keyword (or alias, norm number…). */
export const KEYWORDS_BIT = 8;
/** Field-code bit: the term is in the title. */
export const TITLE_BIT = 16;

/**
 * Weights chosen so that a title or keyword match always beats any amount of body text (8 or
 * 6 against at most 3), even when the title only matches a prefix (× ≥ 0.5), while repeated
 * body mentions still order documents that only mention the term.
 */
const TITLE_WEIGHT = 8;
const KEYWORDS_WEIGHT = 6;
const SUMMARY_WEIGHT = 2;

/** Body frequency level of a term seen `count` times: 1, 2–3, 4+. Saturates so spam cannot win. */
export function bodyLevel(count: number): number {
	return count <= 0 ? 0 : count === 1 ? 1 : count <= 3 ? 2 : 3;
}

/** Score of each field code, indexed by code. */
export const CODE_SCORE: Float64Array = (() => {
	const table = new Float64Array(32);
	for (let code = 0; code < 32; code++) {
		table[code] =
			(code & BODY_MASK) +
			(code & SUMMARY_BIT ? SUMMARY_WEIGHT : 0) +
			(code & KEYWORDS_BIT ? KEYWORDS_WEIGHT : 0) +
			(code & TITLE_BIT ? TITLE_WEIGHT : 0);
	}
	return table;
})();

/** Largest valid field code. */
export const MAX_FIELD_CODE = 31;

/**
 * Multiplier for a term reached only as a prefix of what is being typed: below an exact match,
 * and closer to it the more of the word has been typed ("certifica" → "certificado" beats
 * "c" → "certificado").
 */
export function prefixFactor(typedLength: number, termLength: number): number {
	return 0.5 + 0.4 * Math.min(1, typedLength / Math.max(termLength, 1));
}

/** Multiplier for a term that sounds like the query word but is spelled otherwise. */
export const SOUND_FACTOR = 0.8;
/** Multiplier for a term reached through an everyday synonym ("papel" → "certificado"). */
export const SYNONYM_FACTOR = 0.6;

/**
 * Typing mistakes forgiven in a word, by its length: none in short words (where one letter
 * changes the word: "paz", "pago"), one from five letters, two from nine. Numbers must be exact.
 */
export function typosAllowed(word: string): number {
	if (/\d/.test(word)) return 0;
	return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/** Multiplier for a term `distance` typing mistakes away from the query word. */
export function typoFactor(distance: number): number {
	return distance <= 0 ? 1 : distance === 1 ? 0.6 : 0.4;
}

/**
 * Fewest query words a result must match: all of a one-word query, one of two, half of more.
 * Enough to forgive an unknown word ("papel para el sisben") without listing every document
 * that shares one common word with a long query.
 */
export function minimumMatched(words: number): number {
	return Math.max(1, Math.ceil(words / 2));
}

/**
 * Multiplier for a document matching `matched` of `words` query words: squared, so that
 * matching every word outranks a strong match of only some (a title hit on one of two words
 * scores 8 × 0.25 = 2, like body mentions of both words).
 */
export function coverageFactor(matched: number, words: number): number {
	const share = words > 0 ? matched / words : 0;
	return share * share;
}
