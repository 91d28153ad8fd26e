import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, maxPostings } from './postings-codec';

describe('postings codec', () => {
	it('round-trips increasing document numbers of any size with their field codes', () => {
		const docs = [0, 1, 2, 33, 34, 1_000, 70_000, 4_000_000];
		const codes = [1, 31, 0, 16, 5, 63, 2, 9];
		const encoded = encodePostings(docs, codes, 0, docs.length);
		expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
		const outDocs = new Uint32Array(maxPostings(encoded));
		const outCodes = new Uint8Array(maxPostings(encoded));
		const n = decodePostings(encoded, 5_000_000, outDocs, outCodes, 0);
		expect(Array.from(outDocs.subarray(0, n))).toEqual(docs);
		expect(Array.from(outCodes.subarray(0, n))).toEqual(codes);
	});

	it('spends one character on a small gap with the common field code, two with another code', () => {
		expect(encodePostings([0, 1, 5], [1, 1, 1], 0, 3)).toHaveLength(3);
		expect(encodePostings([0, 1, 5], [1, 16, 1], 0, 3)).toHaveLength(4);
	});

	it('rejects damaged input instead of returning wrong documents', () => {
		const docs = new Uint32Array(8);
		const codes = new Uint8Array(8);
		expect(() => decodePostings('B', 10, docs, codes, 0)).toThrow(/field code/);
		expect(() => decodePostings('A"', 10, docs, codes, 0)).toThrow(/invalid character/);
		expect(() => decodePostings('Y', 10, docs, codes, 0)).toThrow(/missing document/);
		expect(() => decodePostings('g', 10, docs, codes, 0)).toThrow(/truncated/);
		expect(decodePostings('gAC', 10, docs, codes, 0)).toBe(2);
	});
});
