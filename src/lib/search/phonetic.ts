/**
 * How a Spanish word sounds, as a key: words spelled differently but pronounced alike in
 * Colombian Spanish get the same key, so "sertificado" finds "certificado" and "recidencia"
 * finds "residencia". Seseo (c before e/i, z and s sound alike), b and v, a silent h, ll and y,
 * g and j before e/i, "qu" and hard c and k are the mistakes people make when they write what
 * they hear; keys make them free.
 *
 * Input is a folded word or stem (lower-case ASCII, see `normalize`); anything else is
 * returned unchanged. Keys are index lookups, never shown.
 */

const ASCII_WORD = /^[a-z]+$/;
const FRONT_VOWELS = new Set(['e', 'i']);

export function phoneticKey(word: string): string {
	if (!ASCII_WORD.test(word)) return word;
	let key = '';
	const n = word.length;
	for (let i = 0; i < n; i++) {
		const c = word.charAt(i);
		const next = word.charAt(i + 1);
		let sound: string;
		switch (c) {
			case 'c':
				if (next === 'h') {
					sound = 'ch';
					i++;
				} else if (FRONT_VOWELS.has(next)) sound = 's';
				// A stem's final "c" stands for "z" ("luz", "luces" → "luc"): it sounds like s.
				else sound = i === n - 1 ? 's' : 'k';
				break;
			case 'z':
				sound = 's';
				break;
			case 'q':
				sound = 'k';
				if (next === 'u') i++;
				break;
			case 'v':
			case 'w':
				sound = 'b';
				break;
			case 'h':
				sound = '';
				break;
			case 'g':
				if (next === 'u' && FRONT_VOWELS.has(word.charAt(i + 2))) {
					// "guerra", "guía": the u is silent and the g is hard.
					sound = 'g';
					i++;
				} else sound = FRONT_VOWELS.has(next) ? 'j' : 'g';
				break;
			case 'l':
				if (next === 'l') {
					sound = 'y';
					i++;
				} else sound = 'l';
				break;
			case 'y':
				// "rey", "hoy", "muy": a final y is the vowel i.
				sound = i === n - 1 ? 'i' : 'y';
				break;
			case 'x':
				sound = 'ks';
				break;
			case 'n':
				// "enviar" sounds "embiar"; with v already b, n before b is m.
				sound = next === 'v' || next === 'b' ? 'm' : 'n';
				break;
			default:
				sound = c;
		}
		// Doubled sounds are one sound: "acción" (k + s stays), "carro", "innovar".
		if (sound && !key.endsWith(sound)) key += sound;
	}
	return key;
}
