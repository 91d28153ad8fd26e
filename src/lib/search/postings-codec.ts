/**
 * Compact text encoding of posting lists for storage. Each posting is a base-64 varint (5
 * payload bits per character, the sixth marks "more follows") holding the gap to the previous
 * document times two, plus one when a field-code character follows. The most common code is
 * implied instead, so a typical posting costs one or two bytes. The result is a plain ASCII
 * string: JSON- and structured-clone-friendly, and stored as one-byte characters by browsers.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

/**
 * Field code left implicit: 1, a word mentioned once and only in the body, which is what most
 * postings of any text collection are.
 */
export const IMPLIED_CODE = 1;

const ALPHABET_CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
/** Reused output buffer: encoding writes bytes, then makes one string per list. */
let buffer = new Uint8Array(1024);
/** Characters per `String.fromCharCode` call, well below engines' argument limits. */
const CHUNK = 8192;

/** Encodes postings `[from, to)` of the flat arrays; doc ids must be strictly increasing. */
export function encodePostings(
	docs: ArrayLike<number>,
	codes: ArrayLike<number>,
	from: number,
	to: number
): string {
	// At most 8 characters for a 32-bit gap with its flag, plus one for the code.
	const needed = (to - from) * 9;
	if (buffer.length < needed) buffer = new Uint8Array(Math.max(needed, buffer.length * 2));
	const out = buffer;
	let n = 0;
	let prev = -1;
	for (let i = from; i < to; i++) {
		const doc = docs[i] as number;
		const code = codes[i] as number;
		let value = (doc - prev - 1) * 2 + (code === IMPLIED_CODE ? 0 : 1);
		prev = doc;
		while (value >= 32) {
			out[n++] = ALPHABET_CODES[32 | (value % 32)] as number;
			value = Math.floor(value / 32);
		}
		out[n++] = ALPHABET_CODES[value] as number;
		if (code !== IMPLIED_CODE) out[n++] = ALPHABET_CODES[code] as number;
	}
	let text = '';
	for (let at = 0; at < n; at += CHUNK) {
		text += String.fromCharCode(...out.subarray(at, Math.min(n, at + CHUNK)));
	}
	return text;
}

/**
 * Decodes one encoded list into `docs`/`codes` starting at `at`; returns the next free slot.
 * Throws on malformed input or on a document id not below `docCount`, so a corrupted stored
 * index is rejected instead of answering with wrong documents.
 */
export function decodePostings(
	encoded: string,
	docCount: number,
	docs: Uint32Array,
	codes: Uint8Array,
	at: number
): number {
	let n = at;
	let prev = -1;
	let i = 0;
	const len = encoded.length;
	while (i < len) {
		let value = 0;
		let scale = 1;
		for (;;) {
			const v = valueAt(encoded, i++);
			value += (v & 31) * scale;
			if (v < 32) break;
			scale *= 32;
			if (i >= len) throw new Error('truncated posting');
		}
		const doc = prev + 1 + Math.floor(value / 2);
		if (doc >= docCount) throw new Error('posting refers to a missing document');
		docs[n] = doc;
		if (value % 2 === 0) {
			codes[n] = IMPLIED_CODE;
		} else {
			if (i >= len) throw new Error('posting without field code');
			codes[n] = valueAt(encoded, i++);
		}
		prev = doc;
		n++;
	}
	return n;
}

/** Upper bound of the number of postings in an encoded list (each takes ≥ 1 character). */
export function maxPostings(encoded: string): number {
	return encoded.length;
}

function valueAt(s: string, i: number): number {
	const c = s.charCodeAt(i);
	const v = c < 128 ? (VALUE_OF[c] as number) : -1;
	if (v < 0) throw new Error('invalid character in postings');
	return v;
}
