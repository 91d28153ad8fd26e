// Decides which chunk each compiled message goes to. Paraglide emits one module per message.
// Forced into one chunk, every citizen page downloads every string of the portal (the back
// office's included) in two languages; left alone, the strings of the page frame scatter into
// dozens of tiny chunks (dozens of round trips on 3G). So:
// - strings of the page frame (layout, header, footer, home, shared UI) go to `messages`,
//   fetched once with the first page;
// - strings used only by back-office code go to `messages-gestion`, never fetched by citizens;
// - the rest stay with the pages that use them, where the bundler puts them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Source files that make up the frame of every public page. */
const SHELL = [
	'src/routes/+layout.svelte',
	'src/routes/+page.svelte',
	'src/routes/+error.svelte',
	'src/lib/components/layout/',
	'src/lib/components/ui/'
];

/** Source folders and files whose strings a citizen's page never shows. */
const BACK_OFFICE = [
	'src/routes/gestion/',
	'src/routes/trabajo/',
	'src/lib/components/backoffice/',
	'src/lib/components/field-work/',
	'src/lib/field-work/',
	'src/lib/state/field-work.svelte.ts',
	'src/lib/content/editor-labels.ts',
	'src/lib/i18n/backoffice-error-text.ts'
];

const MESSAGE_USE = /\bm\.([a-z][a-z0-9_]*)\b/g;

/** @param {string} rel @param {string[]} prefixes */
const inAny = (rel, prefixes) => prefixes.some((p) => rel === p || rel.startsWith(p));

/**
 * @param {string} dir
 * @returns {string[]}
 */
function sourceFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (statSync(file).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(file);
		return /\.(svelte|ts|js)$/.test(name) && !/\.spec\.ts$/.test(name) ? [file] : [];
	});
}

/**
 * Chunk of each message key used in `src`: `messages`, `messages-gestion` or `null` (the
 * bundler's choice). A key found nowhere goes to `messages`: a wrong guess costs bytes, never
 * a missing string.
 */
export function messageChunkOfKeys(root = process.cwd()) {
	/** @type {Map<string, { shell: boolean, public: boolean }>} */
	const uses = new Map();
	for (const file of sourceFiles(path.join(root, 'src'))) {
		const rel = path.relative(root, file).split(path.sep).join('/');
		const shell = inAny(rel, SHELL);
		const isPublic = !inAny(rel, BACK_OFFICE);
		for (const [, key = ''] of readFileSync(file, 'utf8').matchAll(MESSAGE_USE)) {
			const u = uses.get(key) ?? { shell: false, public: false };
			uses.set(key, { shell: u.shell || shell, public: u.public || isPublic });
		}
	}
	return new Map(
		[...uses].map(([key, u]) => [key, u.shell ? 'messages' : u.public ? null : 'messages-gestion'])
	);
}

/** `manualChunks` for the bundler: the chunk of a compiled message module, else undefined. */
export function messageChunks(root = process.cwd()) {
	const chunkOf = messageChunkOfKeys(root);
	return (/** @type {string} */ id) => {
		const m = /\/src\/lib\/paraglide\/(?:messages\/([a-z0-9_]+)\.js)?/.exec(id);
		if (!m) return undefined;
		if (!m[1] || m[1] === '_index') return 'messages';
		const chunk = chunkOf.get(m[1]);
		return chunk === undefined ? 'messages' : (chunk ?? undefined);
	};
}
