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
