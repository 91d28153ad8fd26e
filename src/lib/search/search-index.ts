import { CONTENT_TYPES, type ContentType } from '$lib/schemas';
import { isStopWord, splitWords, stem } from './normalize';
import { boundedEditDistance } from './edit-distance';
import { phoneticKey } from './phonetic';
import { decodePostings, encodePostings, maxPostings } from './postings-codec';
import { parseQuery, type QueryTerm } from './query';
import {
	CODE_SCORE,
	KEYWORDS_BIT,
	MAX_FIELD_CODE,
	SOUND_FACTOR,
	SUMMARY_BIT,
	SYNONYM_FACTOR,
	TITLE_BIT,
	bodyLevel,
	coverageFactor,
	minimumMatched,
	prefixFactor,
	typoFactor,
	typosAllowed
} from './ranking';
import type { SearchDoc } from './search-doc';
import { synonymsOf } from './synonyms';

/**
 * Version of the stored format and of the text analysis behind it. Bump it whenever
 * normalisation, stemming or the encoding change: stored indexes of another version are
 * rejected by `fromJSON`, so devices rebuild instead of silently missing matches.
 */
export const SEARCH_INDEX_FORMAT = 1;

/** Results returned when the caller does not say how many. */
export const DEFAULT_LIMIT = 20;

/** One result: what a result list shows, plus the relevance score (higher is better). */
export interface SearchHit {
	id: string;
	type: ContentType;
	title: string;
	url: string;
	summary: string;
	score: number;
}

export interface SearchOptions {
	/** Most results to return (default 20). */
	limit?: number;
	/** Only results of this content type. */
	type?: ContentType;
}

/** A document as stored: `[id, type, title, url, summary, updatedAt]`. */
export type SerializedSearchDoc = [string, ContentType, string, string, string, string];

/**
 * The stored form of a `SearchIndex`: plain arrays and strings only (JSON- and structured-
 * clone-safe), with no repeated keys. Documents are in rank order for ties (newest first).
 */
export interface SerializedSearchIndex {
	v: number;
	docs: SerializedSearchDoc[];
	/** Sorted distinct stems. */
	terms: string[];
	/** Encoded posting list of each term (see `postings-codec`). */
	postings: string[];
	/** Sorted surface words whose stem differs from them ("licencias"), for prefix matching. */
	variants: string[];
	/** Index in `terms` of each variant's stem. */
	variantTerms: number[];
}

interface DocInfo {
	id: string;
	type: ContentType;
	title: string;
	url: string;
	summary: string;
	updatedAt: string;
}

/** A part given to `SearchIndex.merge` with documents to leave out of it. */
export interface MergePart {
	index: SearchIndex;
	/** Ids of documents this part holds in an outdated version, or that are gone. */
	without?: ReadonlySet<string>;
}

/** Candidate terms of one query word: term id → score multiplier. */
type Candidates = Map<number, number>;

/** Letters whose sound depends on the letter after them: a word being typed may end mid-sound. */
const OPEN_SOUND_AT_END = /[cglqnuy]$/;
/** Shortest sound completed while typing: "se" would complete to half the dictionary. */
const MIN_SOUND_PREFIX = 4;
/** Longest word checked for typing mistakes; longer ones are pasted text, not typing. */
const MAX_TYPO_WORD = 30;

/**
 * In-memory inverted index for Spanish full-text search over the portal's content.
 *
 * Layout, for speed on cheap phones: a sorted dictionary of stems (binary search, prefix
 * ranges), and all posting lists in two flat typed arrays (document number, field code), with
 * documents numbered newest first so that ties need no date comparison. A query touches only
 * the postings of its terms and a few scratch arrays sized to the number of documents.
 */
export class SearchIndex {
	/** Sorted distinct sounds of the dictionary's terms (see `phonetic`). */
	private readonly sounds: string[];
	/** Term ids of each sound in `sounds`. */
	private readonly soundTerms: number[][];

	private constructor(
		private readonly docs: DocInfo[],
		private readonly terms: string[],
		/** Postings of term `t` are `[termStart[t], termStart[t + 1])`. */
		private readonly termStart: Uint32Array,
		private readonly postingDocs: Uint32Array,
		private readonly postingCodes: Uint8Array,
		private readonly variants: string[],
		private readonly variantTerms: Uint32Array,
		/** The sound of each term when already known (`merge`), else computed here. */
		termSounds?: readonly string[]
	) {
		// Derived, not stored: the sound of a term is a function of the term, so stored indexes
		// stay as small as before and always agree with this version's phonetic rules.
		const byS = new Map<string, number[]>();
		terms.forEach((term, t) => {
			const key = termSounds?.[t] ?? phoneticKey(term);
			const list = byS.get(key);
			if (list) list.push(t);
			else byS.set(key, [t]);
		});
		this.sounds = [...byS.keys()].sort(compare);
		this.soundTerms = this.sounds.map((k) => byS.get(k) as number[]);
	}

	/** Number of documents in the index. */
	get size(): number {
		return this.docs.length;
	}

	/**
	 * Builds the index. Documents with a repeated id keep their newest version; the input is
	 * not modified.
	 */
	static build(input: readonly SearchDoc[]): SearchIndex {
		const docs = newestFirst(input);
		// Words map straight to term ids (-1: stop word), so each distinct word is checked and
		// stemmed once and indexing costs one map lookup per word.
		const wordTerm = new Map<string, number>();
		const stemTerm = new Map<string, number>();
		const stems: string[] = [];
		const lists: Array<{ docs: number[]; codes: number[] }> = [];
		// Per term, for the document being indexed: fields seen (bits) and body count.
		const lastDoc: number[] = [];
		const fieldBits: number[] = [];
		const bodyCount: number[] = [];
		const touched: number[] = [];
		let d = 0;

		const termOf = (word: string): number => {
			let id = wordTerm.get(word);
			if (id !== undefined) return id;
			if (isStopWord(word)) {
				wordTerm.set(word, -1);
				return -1;
			}
			const s = stem(word);
			id = stemTerm.get(s);
			if (id === undefined) {
				id = stems.length;
				stemTerm.set(s, id);
				stems.push(s);
				lists.push({ docs: [], codes: [] });
				lastDoc.push(-1);
				fieldBits.push(0);
				bodyCount.push(0);
			}
			wordTerm.set(word, id);
			return id;
		};
		const add = (text: string, bit: number) => {
			for (const word of splitWords(text)) {
				const id = termOf(word);
				if (id < 0) continue;
				if (lastDoc[id] !== d) {
					lastDoc[id] = d;
					fieldBits[id] = 0;
					bodyCount[id] = 0;
					touched.push(id);
				}
				if (bit) fieldBits[id] = (fieldBits[id] as number) | bit;
				else bodyCount[id] = (bodyCount[id] as number) + 1;
			}
		};

		for (; d < docs.length; d++) {
			const doc = docs[d] as SearchDoc;
			touched.length = 0;
			add(doc.title, TITLE_BIT);
			for (const keyword of doc.keywords ?? []) add(keyword, KEYWORDS_BIT);
			add(doc.summary, SUMMARY_BIT);
			add(doc.text, 0);
			for (const id of touched) {
				const list = lists[id] as { docs: number[]; codes: number[] };
				list.docs.push(d);
				list.codes.push((fieldBits[id] as number) | bodyLevel(bodyCount[id] as number));
			}
		}

		const order = stems
			.map((_, i) => i)
			.sort((a, b) => compare(stems[a] as string, stems[b] as string));
		const newId = new Uint32Array(stems.length);
		order.forEach((old, i) => (newId[old] = i));
		const total = lists.reduce((n, l) => n + l.docs.length, 0);
		const termStart = new Uint32Array(stems.length + 1);
		const postingDocs = new Uint32Array(total);
		const postingCodes = new Uint8Array(total);
		let at = 0;
		order.forEach((old, i) => {
			const list = lists[old] as { docs: number[]; codes: number[] };
			termStart[i] = at;
			postingDocs.set(list.docs, at);
			postingCodes.set(list.codes, at);
			at += list.docs.length;
		});
		termStart[stems.length] = at;

		const variants = [...wordTerm]
			.filter(([word, id]) => id >= 0 && word !== stems[id])
			.sort(([a], [b]) => compare(a, b));
		return new SearchIndex(
			docs.map(({ id, type, title, url, summary, updatedAt }) => ({
				id,
				type,
				title,
				url,
				summary,
				updatedAt
			})),
			order.map((old) => stems[old] as string),
			termStart,
			postingDocs,
			postingCodes,
			variants.map(([word]) => word),
			Uint32Array.from(variants, ([, id]) => newId[id] as number)
		);
	}

	/**
	 * Documents matching the words of `query`, best first. Forgiving, because people write as
	 * they speak and type on small screens: accents, case, stop words and plurals are ignored;
	 * the word being typed matches as a prefix; a word also finds words that sound the same
	 * ("sertificado"), words one or two typing mistakes away ("predail") and everyday synonyms
	 * ("papel" → certificado), each scoring below the word itself. Words are OR-ed and ranked:
	 * documents matching more of the words come first (a document must match at least half of
	 * them), then title and keyword matches above summary and body ones, then newer documents.
	 * Never throws on user input; an empty or meaningless query gives no results.
	 */
	search(query: string, opts: SearchOptions = {}): SearchHit[] {
		const limit = resolveLimit(opts.limit);
		if (limit === 0 || typeof query !== 'string') return [];
		const words = parseQuery(query);
		if (words.length === 0) return [];

		const n = this.docs.length;
		const matched = new Uint8Array(n);
		const total = new Float64Array(n);
		const best = new Float64Array(n);
		const pool: number[] = [];
		for (const word of words) {
			const touched: number[] = [];
			for (const [term, factor] of this.candidatesOf(word)) {
				const end = this.termStart[term + 1] as number;
				for (let p = this.termStart[term] as number; p < end; p++) {
					const d = this.postingDocs[p] as number;
					const s = (CODE_SCORE[this.postingCodes[p] as number] as number) * factor;
					if (best[d] === 0) touched.push(d);
					if (s > (best[d] as number)) best[d] = s;
				}
			}
			for (const d of touched) {
				if (matched[d] === 0) pool.push(d);
				matched[d] = (matched[d] as number) + 1;
				total[d] = (total[d] as number) + (best[d] as number);
				best[d] = 0;
			}
		}

		const need = minimumMatched(words.length);
		const hits = pool.filter(
			(d) => (matched[d] as number) >= need && (!opts.type || this.docs[d]?.type === opts.type)
		);
		for (const d of hits) {
			total[d] = (total[d] as number) * coverageFactor(matched[d] as number, words.length);
		}
		hits.sort((a, b) => (total[b] as number) - (total[a] as number) || a - b);
		return hits.slice(0, limit).map((d) => {
			const { id, type, title, url, summary } = this.docs[d] as DocInfo;
			return { id, type, title, url, summary, score: total[d] as number };
		});
	}

	/**
	 * One index over the documents of `parts`, without analysing any text again: dictionaries
	 * are joined and posting lists renumbered, so a device that indexed each piece of content as
	 * it arrived has the whole index a moment after the last piece (#16). Parts built from
	 * disjoint documents give exactly `build` of all of them. A part may come with the ids of
	 * documents it holds in an outdated version (`without`): they are left out of it, with every
	 * term only they held. A document still in several parts keeps its newest version (a later
	 * part wins a tie). A surface word seen only in a left-out document may still complete to
	 * its stem, which then finds the other documents that stem finds.
	 */
	static merge(parts: ReadonlyArray<SearchIndex | MergePart>): SearchIndex {
		const given = parts.map((p) => (p instanceof SearchIndex ? { index: p } : p));
		const entries: Array<{ part: number; local: number; doc: DocInfo }> = [];
		given.forEach(({ index, without }, part) =>
			index.docs.forEach((doc, local) => {
				if (!without?.has(doc.id)) entries.push({ part, local, doc });
			})
		);
		entries.sort(
			(a, b) =>
				compare(b.doc.updatedAt, a.doc.updatedAt) || compare(a.doc.id, b.doc.id) || b.part - a.part
		);
		// Global number of each part's documents (-1: left out), in `build`'s order.
		const numberOf = given.map(({ index }) => new Int32Array(index.docs.length).fill(-1));
		const docs: DocInfo[] = [];
		const seen = new Set<string>();
		for (const { part, local, doc } of entries) {
			if (seen.has(doc.id)) continue;
			seen.add(doc.id);
			(numberOf[part] as Int32Array)[local] = docs.length;
			docs.push(doc);
		}

		// The parts' dictionaries are sorted: walked side by side, they give the merged one in
		// order, with the parts holding each term.
		const indexes = given.map(({ index }) => index);
		const cursor = indexes.map(() => 0);
		const soundsOf = indexes.map((p) => p.soundOfTerms());
		const capacity = indexes.reduce((n, p) => n + p.postingDocs.length, 0);
		const postingDocs = new Uint32Array(capacity);
		const postingCodes = new Uint8Array(capacity);
		const starts: number[] = [];
		const terms: string[] = [];
		const termSounds: string[] = [];
		const termId = new Map<string, number>();
		const runs: Array<{ p: SearchIndex; numbers: Int32Array; at: number; end: number }> = [];
		let at = 0;
		for (;;) {
			let stem: string | undefined;
			for (let i = 0; i < indexes.length; i++) {
				const term = (indexes[i] as SearchIndex).terms[cursor[i] as number];
				if (term !== undefined && (stem === undefined || term < stem)) stem = term;
			}
			if (stem === undefined) break;
			runs.length = 0;
			let sound = '';
			for (let i = 0; i < indexes.length; i++) {
				const p = indexes[i] as SearchIndex;
				const term = cursor[i] as number;
				if (p.terms[term] !== stem) continue;
				sound = (soundsOf[i] as string[])[term] as string;
				const begin = p.termStart[term] as number;
				const end = p.termStart[term + 1] as number;
				runs.push({ p, numbers: numberOf[i] as Int32Array, at: begin, end });
				cursor[i] = term + 1;
			}
			const start = at;
			// Each part's list is already in global order (parts number their documents with the
			// same ordering), so the lists are merged, not sorted.
			for (;;) {
				let pick = -1;
				let pickDoc = Infinity;
				for (let r = 0; r < runs.length; r++) {
					const run = runs[r] as (typeof runs)[number];
					while (run.at < run.end && run.numbers[run.p.postingDocs[run.at] as number] === -1) {
						run.at++;
					}
					if (run.at === run.end) continue;
					const doc = run.numbers[run.p.postingDocs[run.at] as number] as number;
					if (doc < pickDoc) {
						pick = r;
						pickDoc = doc;
					}
				}
				if (pick < 0) break;
				const run = runs[pick] as (typeof runs)[number];
				postingDocs[at] = pickDoc;
				postingCodes[at] = run.p.postingCodes[run.at] as number;
				at++;
				run.at++;
			}
			if (at === start) continue;
			termId.set(stem, terms.length);
			starts.push(start);
			terms.push(stem);
			termSounds.push(sound);
		}
		starts.push(at);

		const variantStem = new Map<string, string>();
		for (const p of indexes) {
			p.variants.forEach((word, v) =>
				variantStem.set(word, p.terms[p.variantTerms[v] as number] as string)
			);
		}
		const variants = [...variantStem]
			.filter(([, stem]) => termId.has(stem))
			.sort(([a], [b]) => compare(a, b));
		return new SearchIndex(
			docs,
			terms,
			Uint32Array.from(starts),
			postingDocs.slice(0, at),
			postingCodes.slice(0, at),
			variants.map(([word]) => word),
			Uint32Array.from(variants, ([, stem]) => termId.get(stem) as number),
			termSounds
		);
	}

	/** The sound of each term, from the derived tables. */
	private soundOfTerms(): string[] {
		const out = new Array<string>(this.terms.length);
		this.sounds.forEach((sound, s) => {
			for (const t of this.soundTerms[s] as number[]) out[t] = sound;
		});
		return out;
	}

	/** The stored form; see `SerializedSearchIndex`. */
	toJSON(): SerializedSearchIndex {
		const postings: string[] = new Array(this.terms.length);
		for (let t = 0; t < this.terms.length; t++) {
			postings[t] = encodePostings(
				this.postingDocs,
				this.postingCodes,
				this.termStart[t] as number,
				this.termStart[t + 1] as number
			);
		}
		return {
			v: SEARCH_INDEX_FORMAT,
			docs: this.docs.map((d) => [d.id, d.type, d.title, d.url, d.summary, d.updatedAt]),
			terms: [...this.terms],
			postings,
			variants: [...this.variants],
			variantTerms: Array.from(this.variantTerms)
		};
	}

	/**
	 * Restores an index from `toJSON()` output. Throws on another format version or on any
	 * inconsistency, so a stale or damaged stored index is rebuilt rather than trusted.
	 */
	static fromJSON(json: SerializedSearchIndex): SearchIndex {
		const fail = (why: string): never => {
			throw new Error(`Invalid serialized search index: ${why}`);
		};
		if (!json || typeof json !== 'object') fail('not an object');
		if (json.v !== SEARCH_INDEX_FORMAT) {
			fail(`format ${String(json.v)}, expected ${SEARCH_INDEX_FORMAT}`);
		}
		const { docs, terms, postings, variants, variantTerms } = json;
		if (![docs, terms, postings, variants, variantTerms].every(Array.isArray)) {
			fail('missing arrays');
		}
		if (postings.length !== terms.length) fail('terms and postings differ in length');
		if (variantTerms.length !== variants.length) fail('variants and their terms differ in length');
		if (!isSortedStrings(terms) || !isSortedStrings(variants)) fail('dictionary not sorted');

		const docInfos = docs.map((row): DocInfo => {
			if (!Array.isArray(row) || row.length !== 6 || !row.every((f) => typeof f === 'string')) {
				return fail('malformed document');
			}
			const [id, type, title, url, summary, updatedAt] = row;
			if (!CONTENT_TYPES.includes(type)) fail(`unknown type ${type}`);
			return { id, type, title, url, summary, updatedAt };
		});

		const capacity = postings.reduce((n, p) => n + (typeof p === 'string' ? maxPostings(p) : 0), 0);
		const postingDocs = new Uint32Array(capacity);
		const postingCodes = new Uint8Array(capacity);
		const termStart = new Uint32Array(terms.length + 1);
		let at = 0;
		try {
			postings.forEach((p, t) => {
				if (typeof p !== 'string') throw new Error('posting list is not a string');
				termStart[t] = at;
				at = decodePostings(p, docInfos.length, postingDocs, postingCodes, at);
			});
		} catch (e) {
			fail(e instanceof Error ? e.message : String(e));
		}
		termStart[terms.length] = at;
		for (let p = 0; p < at; p++) {
			if ((postingCodes[p] as number) > MAX_FIELD_CODE) fail('unknown field code');
		}

		const variantIds = Uint32Array.from(variantTerms, (t) =>
			Number.isInteger(t) && t >= 0 && t < terms.length ? t : fail('variant of a missing term')
		);
		return new SearchIndex(
			docInfos,
			[...terms],
			termStart,
			postingDocs.slice(0, at),
			postingCodes.slice(0, at),
			[...variants],
			variantIds
		);
	}

	/**
	 * Dictionary terms a query word stands for, with the multiplier each one scores at: the
	 * word itself (1), completions of the word being typed, its synonyms, words that sound
	 * the same and, only when none of those exist, words within one or two typing mistakes.
	 */
	private candidatesOf(word: QueryTerm): Candidates {
		const found: Candidates = new Map();
		const keep = (term: number, factor: number) => {
			if ((found.get(term) ?? 0) < factor) found.set(term, factor);
		};
		const termOf = (stem: string): number => {
			const t = lowerBound(this.terms, stem);
			return this.terms[t] === stem ? t : -1;
		};

		const exact = termOf(word.stem);
		if (exact >= 0) found.set(exact, 1);
		for (const synonym of synonymsOf(word.stem)) {
			const t = termOf(synonym);
			if (t >= 0) keep(t, SYNONYM_FACTOR);
		}
		const sound = phoneticKey(word.stem);
		const s = lowerBound(this.sounds, sound);
		if (this.sounds[s] === sound) {
			for (const t of this.soundTerms[s] as number[]) keep(t, SOUND_FACTOR);
		}
		if (word.prefix) this.addCompletions(word.word, keep);
		if (found.size === 0) this.addNearMisses(sound, keep);
		return found;
	}

	/** Terms that complete a word still being typed, by spelling and by sound. */
	private addCompletions(typed: string, keep: (term: number, factor: number) => void): void {
		for (let t = lowerBound(this.terms, typed); t < this.terms.length; t++) {
			const term = this.terms[t] as string;
			if (!term.startsWith(typed)) break;
			keep(t, term === typed ? 1 : prefixFactor(typed.length, term.length));
		}
		for (let v = lowerBound(this.variants, typed); v < this.variants.length; v++) {
			const variant = this.variants[v] as string;
			if (!variant.startsWith(typed)) break;
			const term = this.variantTerms[v] as number;
			keep(term, variant === typed ? 1 : prefixFactor(typed.length, variant.length));
		}
		// "sertifi" completes to "certificado" by sound. A final c, g, l… may not have its sound
		// yet ("sertific" could go on as "-ado" or "-e"), so it is left out of the sound prefix.
		const head = phoneticKey(OPEN_SOUND_AT_END.test(typed) ? typed.slice(0, -1) : typed);
		if (head.length < MIN_SOUND_PREFIX) return;
		for (let s = lowerBound(this.sounds, head); s < this.sounds.length; s++) {
			const sound = this.sounds[s] as string;
			if (!sound.startsWith(head)) break;
			const factor = SOUND_FACTOR * prefixFactor(head.length, sound.length);
			for (const t of this.soundTerms[s] as number[]) keep(t, factor);
		}
	}

	/**
	 * Terms within the typing mistakes a word of this length allows, compared by sound so a
	 * spelling slip and a typo add up to one mistake. Only sounds with the same first letter
	 * are compared: a wrong first letter is rare in typing, and this keeps the scan to a
	 * slice of the dictionary.
	 */
	private addNearMisses(sound: string, keep: (term: number, factor: number) => void): void {
		const allowed = typosAllowed(sound);
		if (allowed === 0 || sound.length > MAX_TYPO_WORD) return;
		const first = sound.charAt(0);
		for (let s = lowerBound(this.sounds, first); s < this.sounds.length; s++) {
			const candidate = this.sounds[s] as string;
			if (candidate.charAt(0) !== first) break;
			const distance = boundedEditDistance(sound, candidate, allowed);
			if (distance > allowed) continue;
			for (const t of this.soundTerms[s] as number[]) keep(t, typoFactor(distance));
		}
	}
}

/** Newest first, then by id for a stable order; of documents sharing an id, the newest. */
function newestFirst(input: readonly SearchDoc[]): SearchDoc[] {
	const sorted = [...input].sort(
		(a, b) => compare(b.updatedAt, a.updatedAt) || compare(a.id, b.id)
	);
	const ids = new Set<string>();
	return sorted.filter((d) => !ids.has(d.id) && ids.add(d.id));
}

function resolveLimit(limit: number | undefined): number {
	if (limit === undefined || Number.isNaN(limit)) return DEFAULT_LIMIT;
	return Math.max(0, Math.floor(limit));
}

/** Code-unit order, as `Array.prototype.sort` uses, so binary search agrees with it. */
function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** First index whose value is ≥ `key` in a sorted array. */
function lowerBound(sorted: readonly string[], key: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((sorted[mid] as string) < key) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function isSortedStrings(values: readonly unknown[]): boolean {
	for (let i = 0; i < values.length; i++) {
		if (typeof values[i] !== 'string') return false;
		if (i > 0 && !((values[i - 1] as string) < (values[i] as string))) return false;
	}
	return true;
}
