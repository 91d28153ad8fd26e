/**
 * What the "Escuchar" control reads and with which voice: plain functions over the Web Speech
 * API's shapes, so the rules are unit-tested without a browser.
 */

/** The fields of a `SpeechSynthesisVoice` used here. */
export interface VoiceLike {
	lang: string;
	name: string;
	localService?: boolean;
	default?: boolean;
}

/** Spanish variants in order of preference for a Colombian audience. */
const PREFERRED = ['es-co', 'es-419', 'es-us', 'es-mx', 'es-es'];

/**
 * The device's best Spanish voice, or null when it has none (the control then stays hidden).
 * Colombian first, then Latin American ones; a voice on the device beats a network voice,
 * because a network voice is silent offline.
 */
export function pickSpanishVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
	const spanish = voices.filter((v) => /^es([-_]|$)/i.test(v.lang));
	if (spanish.length === 0) return null;
	const rank = (v: V) => {
		const lang = v.lang.toLowerCase().replace('_', '-');
		const at = PREFERRED.indexOf(lang);
		return (at === -1 ? PREFERRED.length : at) + (v.localService === false ? 10 : 0);
	};
	return [...spanish].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** Longest piece spoken in one utterance: Chrome stops long utterances after about 15 s. */
export const MAX_CHUNK = 220;

/**
 * The text cut into pieces that are read one after the other: whole sentences where possible,
 * at most `max` characters each, never splitting a word.
 */
export function speechChunks(text: string, max = MAX_CHUNK): string[] {
	const sentences = text
		.replace(/\s+/g, ' ')
		.trim()
		.split(/(?<=[.!?;:])\s+/u)
		.filter(Boolean);
	const chunks: string[] = [];
	let current = '';
	const push = (piece: string) => {
		if (!current) current = piece;
		else if (current.length + 1 + piece.length <= max) current += ` ${piece}`;
		else {
			chunks.push(current);
			current = piece;
		}
	};
	for (const sentence of sentences) {
		if (sentence.length <= max) {
			push(sentence);
			continue;
		}
		for (const word of sentence.split(' ')) push(word);
	}
	if (current) chunks.push(current);
	return chunks;
}

/** Elements whose text is read (forms' labels and help too); containers are not read twice. */
const READABLE =
	'h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption, blockquote, label, legend';
/** What is never read: navigation, buttons (the control's own too), hidden text. */
const SKIPPED = 'nav, button, select, script, style, [hidden], [aria-hidden="true"], .no-listen';

/**
 * The readable text of a part of the page, block by block in reading order, each block ending
 * in a full stop so the voice pauses between a heading and what follows it.
 */
export function readableText(root: ParentNode): string {
	const blocks: string[] = [];
	for (const el of Array.from(root.querySelectorAll(READABLE))) {
		if (el.closest(SKIPPED) || el.querySelector(READABLE)) continue;
		const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
		if (text) blocks.push(/[.!?:;]$/.test(text) ? text : `${text}.`);
	}
	return blocks.join(' ');
}
