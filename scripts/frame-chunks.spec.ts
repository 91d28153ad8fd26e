import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAME_MODULES, clientChunks } from './frame-chunks.js';

const root = process.cwd();
const chunkOf = clientChunks(root);

describe('clientChunks', () => {
	it('groups the page frame’s small modules into one chunk', () => {
		for (const p of FRAME_MODULES) {
			expect(existsSync(`${root}/${p}`), p).toBe(true);
			expect(chunkOf(`${root}/${p}`), p).toBe('frame');
		}
	});

	it('leaves compiled messages to the message chunks and other modules to the bundler', () => {
		expect(chunkOf(`${root}/src/lib/paraglide/messages/skip_link.js`)).toBe('messages');
		expect(chunkOf(`${root}/src/lib/search/search-index.ts`)).toBeUndefined();
	});
});
