/**
 * Compact text encoding of posting lists for storage. Each posting is the gap to the previous
 * document as a base-64 varint (5 payload bits per character, the sixth marks "more follows")
 * followed by one character with the field code. Most gaps fit one character, so a posting
 * costs about two bytes, and the result is a plain ASCII string: JSON- and structured-clone-
 * friendly and stored as one-byte characters by browsers.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

/** Largest field code a posting can carry (one character). */
export const MAX_CODE = 63;

/** Encodes postings `[from, to)` of the flat arrays; doc ids must be strictly increasing. */
export function encodePostings(
	docs: ArrayLike<number>,
	codes: ArrayLike<number>,
	from: number,
	to: number
): string {
	let out = '';
	let prev = -1;
	for (let i = from; i < to; i++) {
		const doc = docs[i] as number;
		let gap = doc - prev - 1;
		prev = doc;
		while (gap >= 32) {
			out += ALPHABET[32 | (gap & 31)];
			gap = Math.floor(gap / 32);
		}
		out += ALPHABET[gap];
		out += ALPHABET[codes[i] as number];
	}
	return out;
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
		let gap = 0;
		let scale = 1;
		for (;;) {
			const v = valueAt(encoded, i++);
			gap += (v & 31) * scale;
			if (v < 32) break;
			scale *= 32;
			if (i >= len) throw new Error('truncated posting');
		}
		const doc = prev + 1 + gap;
		if (doc >= docCount) throw new Error('posting refers to a missing document');
		if (i >= len) throw new Error('posting without field code');
		docs[n] = doc;
		codes[n] = valueAt(encoded, i++);
		prev = doc;
		n++;
	}
	return n;
}

/** Upper bound of the number of postings in an encoded list (each takes ≥ 2 characters). */
export function maxPostings(encoded: string): number {
	return encoded.length >> 1;
}

function valueAt(s: string, i: number): number {
	const c = s.charCodeAt(i);
	const v = c < 128 ? (VALUE_OF[c] as number) : -1;
	if (v < 0) throw new Error('invalid character in postings');
	return v;
}
