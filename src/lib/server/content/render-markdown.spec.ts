import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
	it('renders headings one level below the page title, lists and links', () => {
		const html = renderMarkdown('# Título\n\n- uno\n- [dos](/tramites)\n');
		expect(html).toContain('<h2>Título</h2>');
		expect(html).toContain('<a href="/tramites">dos</a>');
	});

	it('removes scripts, event handlers, iframes and javascript: URLs', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script><img src="x" onerror="alert(1)"><iframe src="https://x"></iframe>[a](javascript:alert(1))'
		);
		expect(html).not.toMatch(/<script|onerror|<iframe/i);
		expect(renderMarkdown('[a](javascript:alert(1))')).not.toMatch(/href="javascript/i);
	});

	it('marks external links so they open safely', () => {
		expect(renderMarkdown('[gov](https://www.gov.co/)')).toContain(
			'rel="noopener noreferrer external"'
		);
	});
});

describe('images in published content', () => {
	it('keeps images of this portal, loaded lazily', () => {
		expect(renderMarkdown('![Escudo](/imagenes/escudo.png)')).toBe(
			'<p><img src="/imagenes/escudo.png" alt="Escudo" loading="lazy" /></p>'
		);
	});
	it('turns an image on another site into a link named by its text, so no phone loads it', () => {
		const html = renderMarkdown('![Mapa de la vereda](https://evil.example/pixel.png)');
		expect(html).not.toMatch(/<img/);
		expect(html).toBe(
			'<p><a href="https://evil.example/pixel.png" rel="noopener noreferrer external">Mapa de la vereda</a></p>'
		);
		expect(renderMarkdown('![](https://evil.example/p.gif)')).toContain('>evil.example</a>');
	});
	it('loads nothing from protocol-relative, plain-http or data: image addresses', () => {
		for (const src of [
			'//evil.example/a.png',
			'/\\evil.example/a.png',
			'http://evil.example/a.png',
			'data:image/png;base64,AAAA'
		]) {
			const html = renderMarkdown(`<img src="${src}" alt="x">`);
			expect(html, src).not.toMatch(/<img|src=/);
		}
	});
	it('escapes the text of an embedded image tag that becomes a link', () => {
		const html = renderMarkdown('<img src="https://evil.example/a.png" alt="<b>hola</b>">');
		expect(html).not.toMatch(/<b>/);
		expect(html).toContain('&lt;b&gt;hola&lt;/b&gt;');
	});
});
