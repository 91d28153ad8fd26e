// Small modules every public page's frame (layout, header, status line) loads. Left to the
// bundler, each becomes a chunk of its own of 100–1,100 bytes, and on a first visit every chunk
// costs a request and ~250 bytes of response headers: five of them cost more in headers than
// their code. Grouped, they are one request.
import { messageChunks } from './message-chunks.js';

/** Modules of the page frame, as paths under the repository root. */
export const FRAME_MODULES = [
	'src/lib/policy.js',
	'src/lib/kiosk/flag.ts',
	'src/lib/state/online.svelte.ts',
	'src/lib/state/outbox-count.svelte.ts',
	'src/lib/utils/format.ts',
	'src/lib/content/sort.ts',
	'src/lib/a11y/relay.ts',
	'src/lib/pwa/install-invite.svelte.ts',
	// The status line's offline-copy state (its own ~1 KB chunk before).
	'src/lib/state/pack.svelte.ts'
];

/**
 * `manualChunks` for the client build: compiled messages by `messageChunks`, the frame's small
 * modules into `frame`, everything else where the bundler puts it.
 * @param {string} [root]
 */
export function clientChunks(root = process.cwd()) {
	const messages = messageChunks(root);
	const frame = new Set(FRAME_MODULES.map((p) => `${root}/${p}`.replace(/\\/g, '/')));
	return (/** @type {string} */ id) => messages(id) ?? (frame.has(id) ? 'frame' : undefined);
}
