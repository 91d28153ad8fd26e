import { describe, expect, it } from 'vitest';
import { markdownToText, snippet } from './plain-text';

describe('markdownToText', () => {
	it('removes headings, emphasis, list markers and quotes', () => {
		const md =
			'## Requisitos\n\n- **Cédula** de ciudadanía\n1. _Formulario_ firmado\n> Nota: `gratis`';
		expect(markdownToText(md)).toBe(
			'Requisitos Cédula de ciudadanía Formulario firmado Nota: gratis'
		);
	});

	it('keeps the text of links and images but not their URLs', () => {
		const md =
			'Vea [la guía](https://example.gov.co/guia.pdf) ![Mapa del casco urbano](/mapa.png) o https://www.example.org/x';
		expect(markdownToText(md)).toBe('Vea la guía Mapa del casco urbano o');
	});

	it('drops HTML tags and comments and decodes entities', () => {
		expect(
			markdownToText('<p>Horario&nbsp;de <b>atenci&oacute;n</b> &amp; pagos</p><!-- x -->')
		).toBe('Horario de atención & pagos');
		expect(markdownToText('Se&#241;or &#x26; se&ntilde;ora &bogus;')).toBe(
			'Señor & señora &bogus;'
		);
	});

	it('turns tables into their cell text', () => {
		const md = '| Concepto | Valor |\n| --- | ---: |\n| Estampilla | $ 5.000 |';
		expect(markdownToText(md)).toBe('Concepto Valor Estampilla $ 5.000');
	});
});

describe('snippet', () => {
	it('returns short text unchanged, with whitespace collapsed', () => {
		expect(snippet('  Hola\n  mundo ')).toBe('Hola mundo');
	});

	it('cuts long text at a word boundary within the limit and adds an ellipsis', () => {
		const text = 'palabra '.repeat(60);
		const s = snippet(text, 50);
		expect(s.length).toBeLessThanOrEqual(50);
		expect(s).toMatch(/^(palabra )*palabra…$/);
	});
});
