import { describe, expect, it } from 'vitest';
import { stem } from './normalize';
import { phoneticKey } from './phonetic';

const sameSound = (a: string, b: string) => phoneticKey(stem(a)) === phoneticKey(stem(b));

describe('phoneticKey', () => {
	it('gives words written as they sound the key of their correct spelling', () => {
		expect(sameSound('sertificado', 'certificado')).toBe(true);
		expect(sameSound('recidencia', 'residencia')).toBe(true);
		expect(sameSound('bacunacion', 'vacunacion')).toBe(true);
		expect(sameSound('ospital', 'hospital')).toBe(true);
		expect(sameSound('jestion', 'gestion')).toBe(true);
		expect(sameSound('kalle', 'calle')).toBe(true);
		expect(sameSound('cosecha', 'kosecha')).toBe(true);
		expect(sameSound('poyo', 'pollo')).toBe(true);
		expect(sameSound('enbiar', 'enviar')).toBe(true);
		expect(sameSound('acion', 'accion')).toBe(false);
	});

	it('keeps plural and singular together, including z and ces', () => {
		expect(sameSound('luz', 'luces')).toBe(true);
		expect(sameSound('lus', 'luz')).toBe(true);
		expect(sameSound('licensias', 'licencia')).toBe(true);
	});

	it('keeps sounds apart that Spanish speakers tell apart', () => {
		expect(phoneticKey('casa')).not.toBe(phoneticKey('cara'));
		expect(phoneticKey('guerra')).toBe('gera');
		expect(phoneticKey('gente')).toBe('jente');
		expect(phoneticKey('queso')).toBe('keso');
		expect(phoneticKey('chocolate')).toBe('chokolate');
		expect(phoneticKey('pago')).not.toBe(phoneticKey('paco'));
	});

	it('returns numbers and words in other scripts unchanged', () => {
		expect(phoneticKey('2024')).toBe('2024');
		expect(phoneticKey('日本')).toBe('日本');
	});
});
