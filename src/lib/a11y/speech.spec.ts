import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, pickSpanishVoice, speechChunks } from './speech';

describe('pickSpanishVoice', () => {
	it('prefers a Colombian voice, then Latin American ones, on the device over the network', () => {
		const voices = [
			{ lang: 'en-US', name: 'English' },
			{ lang: 'es-ES', name: 'España' },
			{ lang: 'es-US', name: 'EE. UU. red', localService: false },
			{ lang: 'es_MX', name: 'México' },
			{ lang: 'es-CO', name: 'Colombia red', localService: false }
		];
		expect(pickSpanishVoice(voices)?.name).toBe('México');
		expect(pickSpanishVoice([...voices, { lang: 'es-CO', name: 'Colombia' }])?.name).toBe(
			'Colombia'
		);
		expect(pickSpanishVoice([{ lang: 'es', name: 'Genérica' }])?.name).toBe('Genérica');
	});

	it('finds none when the device has no Spanish voice', () => {
		expect(
			pickSpanishVoice([
				{ lang: 'en-GB', name: 'English' },
				{ lang: 'est', name: 'x' }
			])
		).toBe(null);
		expect(pickSpanishVoice([])).toBeNull();
	});
});

describe('speechChunks', () => {
	it('keeps short text whole and groups sentences up to the limit', () => {
		expect(speechChunks('Hola.   ¿Cómo está?')).toEqual(['Hola. ¿Cómo está?']);
		const sentence = `${'palabra '.repeat(20).trim()}.`;
		const chunks = speechChunks(Array(5).fill(sentence).join(' '));
		expect(chunks.length).toBeGreaterThan(1);
		for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_CHUNK);
		expect(chunks.join(' ')).toBe(Array(5).fill(sentence).join(' '));
	});

	it('cuts a sentence longer than the limit between words, never inside one', () => {
		const long = Array.from({ length: 100 }, (_, i) => `palabra${i}`).join(' ');
		const chunks = speechChunks(long, 50);
		for (const c of chunks) expect(c.length).toBeLessThanOrEqual(50);
		expect(chunks.join(' ')).toBe(long);
	});

	it('gives nothing to read for blank text', () => {
		expect(speechChunks('  \n ')).toEqual([]);
	});
});
