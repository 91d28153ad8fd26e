/**
 * Spanish text normalisation for search: folding, tokenising and a light plural stemmer.
 * Everything here is pure and dependency-free so the same code runs in the browser, in the
 * service worker and on the server, and an index built in one place matches queries in another.
 */

/** Combining marks left behind by NFKD: accents, tildes, diaereses. */
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\p{ASCII}]/gu;
const HAS_NON_ASCII = /[^\p{ASCII}]/u;
/** A word in folded ASCII text (the common case, and much faster than a Unicode regex). */
const ASCII_WORD_RUN = /[a-z0-9]+/g;
/** A word: letters and digits of any script, after folding. */
const UNICODE_WORD_RUN = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /^[a-z]+$/;

/** Folded form of single non-ASCII characters, computed once per character seen. */
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
	let folded = foldedChars.get(char);
	if (folded === undefined) {
		folded = char.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
		// Bounded: text is mostly Latin, but a hostile query could bring many symbols.
		if (foldedChars.size < 4096) foldedChars.set(char, folded);
	}
	return folded;
}

/**
 * Lower-cases and strips diacritics: "Trámite Niño Güera" → "tramite nino guera".
 * NFKD (not NFD) so that compatibility forms fold too: "1.º" → "1.o", "²" → "2", ligatures.
 * Works character by character through a cache, because indexing folds megabytes of text
 * and normalising whole strings is several times slower.
 */
export function fold(text: string): string {
	return text.replace(NON_ASCII, foldChar).toLowerCase();
}

/**
 * Words that carry no meaning on their own, in folded form. Deliberately short: "no" stays
 * searchable ("certificado de no deuda"), and so do nouns that happen to be frequent.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a al algo algun alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos asi ' +
		'aun cada como con contra cual cuales cuando cuyo cuya de del desde donde durante e el ella ' +
		'ellas ellos en entre era eran es esa esas ese eso esos esta estan estas este esto estos fue ' +
		'fueron ha han hasta hay la las le les lo los mas me mi mis muy ni nos nosotros o os otra ' +
		'otras otro otros para pero por porque pues que quien quienes se sea sean segun ser si sido ' +
		'sin sino sobre son su sus tal tambien tan te tiene tienen todo todos tu tus u un una unas ' +
		'uno unos usted ustedes y ya yo'
	).split(' ')
);

/** Whether a folded word should be ignored: a stop word or a lone letter ("c", "n" from "N.º"). */
export function isStopWord(word: string): boolean {
	return STOP_WORDS.has(word) || (word.length === 1 && !isDigit(word.charCodeAt(0)));
}

/**
 * Folded words of a text, in order, including stop words. Numbers lose their leading zeros so
 * that "Acuerdo 012" and "acuerdo 12" meet.
 */
export function splitWords(text: string): string[] {
	const folded = fold(text);
	const words = folded.match(HAS_NON_ASCII.test(folded) ? UNICODE_WORD_RUN : ASCII_WORD_RUN);
	if (!words) return [];
	for (let i = 0; i < words.length; i++) {
		const w = words[i] as string;
		if (w.length > 1 && w.charCodeAt(0) === 48 && /^\d+$/.test(w)) {
			words[i] = w.replace(/^0+(?=\d)/, '');
		}
	}
	return words;
}

/** The searchable words of a text: folded, without stop words or lone letters. Not stemmed. */
export function tokenize(text: string): string[] {
	return splitWords(text).filter((w) => !isStopWord(w));
}

/** Consonants after which a Spanish plural adds "-es" rather than "-s" (ciudad → ciudades). */
const ES_PLURAL_AFTER = new Set(['d', 'l', 'n', 'r', 's', 'y', 'j', 'x']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/**
 * Light Spanish stemmer: conflates singular and plural so "licencias" → "licencia",
 * "certificados" → "certificado", "trámites" → "tramite", "ciudades" → "ciudad".
 *
 * The result is an index key, not always a word: "-Ces" plurals cannot tell "ciudad-es" from
 * "calle-s" without a dictionary, so singulars ending in such a consonant plus "e" drop the "e"
 * too ("calle" and "calles" → "call"), and "z"/"ce" endings both become "c" ("luz", "luces" →
 * "luc"; "índice", "índices" → "indic"). What matters is that both forms give the same key.
 * Numbers and words with non-Latin letters are returned folded but otherwise unchanged.
 */
export function stem(token: string): string {
	let w = ASCII_WORD.test(token) ? token : fold(token);
	if (!ASCII_WORD.test(w)) return w;
	w = stripPlural(w);
	const n = w.length;
	if (n >= 3 && w.endsWith('z')) return w.slice(0, -1) + 'c';
	if (n >= 4 && w.endsWith('ce')) return w.slice(0, -1);
	if (n >= 4 && w.endsWith('e') && ES_PLURAL_AFTER.has(w.charAt(n - 2))) {
		// "clase" → "clas" must meet "clases" → "clas" → "cla".
		return stripPlural(w.slice(0, -1));
	}
	return w;
}

/** Removes plural endings, repeatedly, so that "países" and "país" both end up as "pai". */
function stripPlural(word: string): string {
	let w = word;
	for (;;) {
		const n = w.length;
		if (n >= 5 && w.endsWith('ces')) return w.slice(0, -3) + 'c';
		if (n >= 5 && w.endsWith('es') && ES_PLURAL_AFTER.has(w.charAt(n - 3))) {
			w = w.slice(0, -2);
		} else if (n >= 4 && w.endsWith('s') && VOWELS.has(w.charAt(n - 2))) {
			w = w.slice(0, -1);
		} else {
			return w;
		}
	}
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}
