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
