import { isStopWord, splitWords, stem } from './normalize';

/** Longest query considered; the rest is ignored rather than slowing every keystroke. */
export const MAX_QUERY_LENGTH = 200;
/** Most terms considered: a longer query is pasted text, and each term costs a dictionary lookup. */
export const MAX_QUERY_TERMS = 8;

/** One word of a query: matched by stem, or as a prefix when it is still being typed. */
export interface QueryTerm {
	/** The folded word as typed. */
	word: string;
	stem: string;
	prefix: boolean;
}

const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

/**
 * The terms of a search-as-you-type query. The last word is a prefix unless the query ends in
 * a space or punctuation (the word is finished). Stop words and lone letters are dropped,
 * except when the word being typed is all there is: "de" may become "decreto". After other
 * words it is dropped too, so results stay put while "licencia de c…" is typed.
 */
export function parseQuery(query: string): QueryTerm[] {
	const text = query.slice(0, MAX_QUERY_LENGTH);
	const words = splitWords(text);
	const typing = ENDS_IN_WORD.test(text);
	const terms: QueryTerm[] = [];
	const seen = new Set<string>();
	words.forEach((word, i) => {
		const prefix = typing && i === words.length - 1;
		if (isStopWord(word) && !(prefix && terms.length === 0)) return;
		const s = stem(word);
		// A repeated word adds nothing: an exact match already implies the prefix match.
		if (seen.has(s)) return;
		seen.add(s);
		terms.push({ word, stem: s, prefix });
	});
	return terms.slice(0, MAX_QUERY_TERMS);
}
