import { describe, expect, it } from 'vitest';
import { radicadoSchema } from '$lib/schemas';
import {
	outgoingPrefix,
	bookOf,
	bookPrefix,
	isTrackingCode,
	DEFAULT_RADICADO_PREFIX,
	formatRadicado,
	isRadicadoPrefix,
	MAX_RADICADO_NUMBER,
	normalizeRadicadoInput,
	parseRadicado,
	parseRadicadoSeries,
	radicadoSeries
} from './radicado';
import { DomainInputError } from './errors';

describe('formatRadicado', () => {
	it('zero-pads the consecutive to six digits', () => {
		expect(formatRadicado({ prefix: 'PG', year: 2026, number: 124 })).toBe('PG-2026-000124');
		expect(formatRadicado({ prefix: 'ALCPG', year: 2027, number: 1 })).toBe('ALCPG-2027-000001');
		expect(formatRadicado({ prefix: 'PG', year: 2026, number: MAX_RADICADO_NUMBER })).toBe(
			'PG-2026-999999'
		);
	});

	it('produces what the shared radicado schema accepts', () => {
		const r = formatRadicado({ prefix: DEFAULT_RADICADO_PREFIX, year: 2026, number: 7 });
		expect(radicadoSchema.safeParse(r).success).toBe(true);
	});

	it.each([0, -1, 1.5, MAX_RADICADO_NUMBER + 1, Number.NaN])(
		'refuses the consecutive %s',
		(number) => {
			expect(() => formatRadicado({ prefix: 'PG', year: 2026, number })).toThrow(DomainInputError);
		}
	);

	it.each([999, 10_000, 2026.5])('refuses the year %s', (year) => {
		expect(() => formatRadicado({ prefix: 'PG', year, number: 1 })).toThrow(DomainInputError);
	});

	it.each(['', 'P', 'pg', 'PG1', 'ABCDEFG', 'P-G', 'ÑA', '../'])(
		'refuses the prefix %j',
		(prefix) => {
			expect(() => formatRadicado({ prefix, year: 2026, number: 1 })).toThrow(RangeError);
		}
	);
});

describe('parseRadicado', () => {
	it('is the inverse of formatRadicado', () => {
		for (const parts of [
			{ prefix: 'PG', year: 2026, number: 1 },
			{ prefix: 'MUNIC', year: 2031, number: 450_123 }
		]) {
			expect(parseRadicado(formatRadicado(parts))).toEqual(parts);
		}
	});

	it.each([
		'PG-2026-000000',
		'pg-2026-000001',
		' PG-2026-000001',
		'PG-2026-1',
		'PG-26-000001',
		'PG-0999-000001',
		'PG-2026-0000001',
		'PG-2026-000001\n',
		'PG_2026_000001',
		'../../_all_docs',
		'PG-2026-٠٠٠٠٠١'
	])('returns null for %j', (value) => {
		expect(parseRadicado(value)).toBeNull();
	});

	it('returns null for non-strings', () => {
		expect(parseRadicado(undefined)).toBeNull();
		expect(parseRadicado(2026)).toBeNull();
		expect(parseRadicado({ prefix: 'PG' })).toBeNull();
	});
});

describe('normalizeRadicadoInput', () => {
	it('accepts what people type: lower case, spaces, typographic dashes', () => {
		expect(normalizeRadicadoInput(' pg-2026-000124 ')).toBe('PG-2026-000124');
		expect(normalizeRadicadoInput('PG 2026 000124')).toBe('PG-2026-000124');
		expect(normalizeRadicadoInput('PG–2026—000124')).toBe('PG-2026-000124');
	});

	it('zero-pads a consecutive typed without its zeros, and nothing longer than six digits', () => {
		expect(normalizeRadicadoInput('pg-2026-1')).toBe('PG-2026-000001');
		expect(normalizeRadicadoInput('pg 2026 124')).toBe('PG-2026-000124');
		expect(parseRadicado(normalizeRadicadoInput('PG-2026-1234567'))).toBeNull();
		expect(parseRadicado(normalizeRadicadoInput('PG-2026-0'))).toBeNull();
	});
});

describe('radicado series', () => {
	it('names the yearly consecutive a radicado belongs to', () => {
		expect(radicadoSeries('PG', 2026)).toBe('PG-2026');
		expect(parseRadicadoSeries('PG-2026')).toEqual({ prefix: 'PG', year: 2026 });
		expect(parseRadicadoSeries('PG-2026-000001')).toBeNull();
		expect(() => radicadoSeries('pg', 2026)).toThrow(RangeError);
	});

	it('recognises prefixes', () => {
		expect(isRadicadoPrefix('PG')).toBe(true);
		expect(isRadicadoPrefix('PGX1')).toBe(false);
		expect(isRadicadoPrefix(undefined)).toBe(false);
	});
});

describe('isTrackingCode', () => {
	it('takes a radicado (with or without leading zeros) or a provisional code, nothing else', () => {
		expect(isTrackingCode('PG-2026-000123')).toBe(true);
		expect(isTrackingCode('PG-2026-123')).toBe(true);
		expect(isTrackingCode('PEND-3F2A9C1B')).toBe(true);
		expect(isTrackingCode('PEND-3F2A9C1')).toBe(false);
		expect(isTrackingCode('pg-2026-1')).toBe(false);
		expect(isTrackingCode('PG-26-1')).toBe(false);
	});
});

describe('outgoingPrefix', () => {
	it('adds the S of salida to the entry prefix, within six letters', () => {
		expect(outgoingPrefix('PG')).toBe('PGS');
		expect(outgoingPrefix('ALCPGZ')).toBe('ALCPGS');
		expect(() => outgoingPrefix('pg')).toThrow(RangeError);
	});

	it('refuses a six-letter prefix ending in S, whose two books would share one series', () => {
		expect(() => outgoingPrefix('ALCPGS')).toThrow(RangeError);
	});
});

describe('bookOf', () => {
	it('tells the book of a number from its prefix, and null for another deployment’s', () => {
		expect(bookOf('PG', 'PG')).toBe('entrada');
		expect(bookOf('PG', 'PGS')).toBe('salida');
		expect(bookOf('PG', 'XX')).toBeNull();
		expect(bookPrefix('ALCPGZ', 'salida')).toBe('ALCPGS');
		expect(bookPrefix('PG', 'entrada')).toBe('PG');
	});
});
