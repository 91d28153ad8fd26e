/**
 * Plain text from the Markdown that editors write, for indexing and result snippets. Devices
 * never render Markdown (the server ships sanitised HTML), so this only has to be good enough
 * that no syntax, URL or tag leaks into a snippet or becomes a search term.
 */

const HTML_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	laquo: '«',
	raquo: '»',
	iexcl: '¡',
	iquest: '¿'
};

/** Markdown (or a fragment of HTML) to plain text on one line, with words kept apart. */
export function markdownToText(markdown: string): string {
	return (
		markdown
			// Fenced code markers, HTML comments and tags (embedded HTML is allowed in bodies).
			.replace(/^\s*(```|~~~).*$/gm, ' ')
			.replace(/<!--[\s\S]*?-->/g, ' ')
			.replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
			// Reference definitions and footnote markers carry only URLs and ids.
			.replace(/^\s{0,3}\[[^\]]+\]:\s*\S+.*$/gm, ' ')
			.replace(/\[\^[^\]]*\]/g, ' ')
			// Images and links keep their visible text, not the URL.
			.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
			.replace(/<?\b(?:https?:\/\/|www\.)[^\s<>)]*>?/gi, ' ')
			.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, decodeEntity)
			// Block syntax at the start of lines: headings, quotes, list markers, rules.
			.replace(/^\s{0,3}#{1,6}\s+/gm, '')
			.replace(/^\s*>+\s?/gm, '')
			.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/gm, '')
			.replace(/^\s*(?:[-*_]\s*){3,}$/gm, ' ')
			// Tables and inline emphasis or code.
			.replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, ' ')
			.replace(/\|/g, ' ')
			.replace(/(\*{1,3}|_{2,3}|~~|`+)/g, '')
			.replace(/(^|\s)_(\S[^_]*?)_(?=\s|[.,;:!?)]|$)/g, '$1$2')
			.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** Accented letters by entity suffix: `&oacute;`, `&Ntilde;`, `&uuml;`. */
const ACCENTS: Record<string, string> = { acute: '\u0301', tilde: '\u0303', uml: '\u0308' };

function decodeEntity(entity: string, name: string): string {
	const accented = /^([a-zA-Z])(acute|tilde|uml)$/.exec(name);
	if (accented) return `${accented[1]}${ACCENTS[accented[2] as string]}`.normalize('NFC');
	const lower = name.toLowerCase();
	if (lower.startsWith('#')) {
		const code = lower.startsWith('#x')
			? parseInt(lower.slice(2), 16)
			: parseInt(lower.slice(1), 10);
		return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
			? String.fromCodePoint(code)
			: ' ';
	}
	return HTML_ENTITIES[lower] ?? entity;
}

/**
 * A short plain-text snippet for result lists: at most `max` characters, cut at a word
 * boundary and marked with an ellipsis when shortened.
 */
export function snippet(text: string, max = 200): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	const head = space > max * 0.6 ? cut.slice(0, space) : cut;
	return head.replace(/[\s,;:.\-–—]+$/, '') + '…';
}
