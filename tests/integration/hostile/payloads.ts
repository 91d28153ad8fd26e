/**
 * Hostile payloads shared by the hostile-input tables: scripts, Unicode edge cases, path
 * traversal spellings and forged credentials. Each is a plain value so a table row can say
 * exactly what it sends.
 */

/** Markup and template payloads; none may ever run or reach a page unescaped. */
export const SCRIPTS = {
	'script tag': '<script>window.__hostil=1</script>',
	'img onerror': '<img src=x onerror="window.__hostil=1">',
	'attribute break-out': '"><svg onload=window.__hostil=1>',
	'javascript: URL': 'javascript:window.__hostil=1',
	'template injection': '{{constructor.constructor("window.__hostil=1")()}} ${7*7}'
} as const;

/** A marker every script payload above contains, to look for in rendered HTML. */
export const SCRIPT_MARKER = 'window.__hostil=1';

/** Unicode that is not text, or text that spoofs, or text that is merely unusual. */
export const UNICODE = {
	'lone high surrogate': 'Puente \ud800 caído',
	'lone low surrogate': 'Puente \udc00 caído',
	NUL: 'Puente\u0000caído',
	'C1 control (NEL)': 'Puente\u0085caído',
	'right-to-left override': 'Puente \u202ecaído',
	'zero-width characters': 'Pu\u200bente\u200d ca\u2060ído\ufeff',
	'long combining sequence': 'Z' + '\u0336'.repeat(4000),
	'NFD (decomposed accents)': 'Peticio\u0301n del puente cai\u0301do'
} as const;

/** Spellings of "go up a directory" that a naive router or store client might decode. */
export const TRAVERSALS = {
	plain: '../../_users',
	'encoded slash': '..%2f..%2f_users',
	'encoded dots and slash': '%2e%2e%2f%2e%2e%2f_users',
	'double-encoded': '..%252f..%252f_users',
	'backslash encoded': '..%5c..%5c_users',
	'design document': '_design%2fvalidation',
	'local document': '_local%2f..%2f_design',
	'NUL byte': 'queja%00.json'
} as const;

/** Credentials an attacker can make up or replay; none may grant anything. */
export function forgedCredentials(secret: string): Record<string, Record<string, string>> {
	return {
		'no credentials': {},
		'forged bearer token': { authorization: 'Bearer ' + 'f'.repeat(32) },
		'unsigned JWT claiming admin': {
			authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.'
		},
		'real token with a character added': { authorization: `Bearer ${secret}x` },
		'prefix of the real token': { authorization: `Bearer ${secret.slice(0, -1)}` },
		'real token as Basic credentials': {
			authorization: `Basic ${Buffer.from(`admin:${secret}`).toString('base64')}`
		},
		'real token without a scheme': { authorization: secret },
		'oversized bearer token': { authorization: 'Bearer ' + 'a'.repeat(4000) },
		'random session cookie': { cookie: `ventanilla_sesion=${crypto.randomUUID()}` },
		'session cookie holding the real token': { cookie: `ventanilla_sesion=${secret}` },
		'session cookie and forged bearer': {
			cookie: 'ventanilla_sesion=admin; rol=administrador',
			authorization: 'Bearer ' + 'x'.repeat(20)
		}
	};
}

/**
 * The traversals that survive as one path segment: a client's URL parser resolves a plain
 * `../` before sending, so in paths only encoded spellings reach the server.
 */
export const PATH_TRAVERSALS = Object.fromEntries(
	Object.entries(TRAVERSALS).filter(([name]) => name !== 'plain')
) as Omit<typeof TRAVERSALS, 'plain'>;
