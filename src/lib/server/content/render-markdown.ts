import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * What rendered content may contain: structure, emphasis, links, tables and images. No scripts,
 * styles, iframes, forms or event handlers, whatever the Markdown or embedded HTML says.
 * Images only from this portal: an image on another site would be loaded by every visitor's
 * phone (a tracking pixel, and bytes on 2G), so it becomes a link to it, named by its text.
 */
const policy: sanitizeHtml.IOptions = {
	allowedTags: [
		'h2',
		'h3',
		'h4',
		'p',
		'br',
		'hr',
		'ul',
		'ol',
		'li',
		'strong',
		'em',
		'b',
		'i',
		'a',
		'blockquote',
		'code',
		'pre',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'img',
		'abbr'
	],
	allowedAttributes: {
		a: ['href', 'title', 'hreflang'],
		img: ['src', 'alt', 'width', 'height', 'loading'],
		abbr: ['title'],
		th: ['scope'],
		td: ['colspan', 'rowspan']
	},
	allowedSchemes: ['https', 'mailto', 'tel'],
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	allowProtocolRelative: false,
	transformTags: {
		// h1 belongs to the page; content headings start at h2 to keep one outline.
		h1: 'h2',
		a: (tagName, attribs) => {
			const external = /^https:/.test(attribs.href ?? '');
			return {
				tagName,
				attribs: external ? { ...attribs, rel: 'noopener noreferrer external' } : attribs
			};
		},
		img: (tagName, attribs): sanitizeHtml.Tag => {
			const src = attribs.src ?? '';
			if (isOwnPath(src)) return { tagName, attribs: { ...attribs, loading: 'lazy' } };
			if (!/^https:\/\//i.test(src)) return { tagName: 'span', attribs: {} };
			return {
				tagName: 'a',
				attribs: { href: src, rel: 'noopener noreferrer external' },
				text: attribs.alt?.trim() || new URL(src).hostname
			};
		}
	}
};
/** A path on this portal (`/…`, never `//host`, which is another site). */
function isOwnPath(src: string): boolean {
	return src.startsWith('/') && !src.startsWith('//') && !src.startsWith('/\\');
}

policy.allowedAttributes = { ...policy.allowedAttributes, a: ['href', 'title', 'hreflang', 'rel'] };

/** Renders editor/seed Markdown to HTML that is safe to insert into any page. */
export function renderMarkdown(markdown: string): string {
	const raw = marked.parse(markdown) as string;
	return sanitizeHtml(raw, policy).trim();
}
