import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
	it('sorts object keys at every level and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: 1, y: 2 }], c: null } })).toBe(
			'{"a":{"c":null,"d":[3,1,{"y":2,"z":1}]},"b":1}'
		);
	});

	it('gives the same text whatever order the keys were written in', () => {
		const a = JSON.parse('{"x":1,"y":{"p":"é","q":[1,2]}}');
		const b = JSON.parse('{"y":{"q":[1,2],"p":"é"},"x":1}');
		expect(canonicalJson(a)).toBe(canonicalJson(b));
	});

	it('drops undefined members like JSON.stringify and sorts by code unit, not locale', () => {
		expect(canonicalJson({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
		expect(canonicalJson({ é: 1, z: 2, Z: 3 })).toBe('{"Z":3,"z":2,"é":1}');
	});

	it('escapes strings exactly as JSON does', () => {
		expect(canonicalJson({ s: '"\n\u0000</script>' })).toBe(
			JSON.stringify({ s: '"\n\u0000</script>' })
		);
	});
});
