/**
 * What counts as clean text, for every place a person writes (requests, consulta answers,
 * comments, titles, file names). Emoji, accents, right-to-left scripts and any other real
 * writing are accepted; refused or removed is what no keyboard produces and what breaks or
 * spoofs downstream systems:
 * - control characters (C0 other than tab and line breaks, DEL, C1) and the noncharacters
 *   U+FFFE/U+FFFF;
 * - lone UTF-16 surrogates, which are not Unicode text at all (CouchDB rejects them, and
 *   exports and e-mails would mangle them);
 * - bidirectional overrides and isolates, the classic `factura‮fdp.exe` trick that makes an
 *   officer open something other than what the name shows;
 * - format characters that hide text (zero-width, word joiner, byte-order mark), removed from
 *   text that is published as is (comments).
 */

/* eslint-disable no-control-regex -- control characters are exactly what these match */
/** Control characters not allowed in free text (tab, CR and LF are). */
const FREE_TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
/** Any control character: titles, labels and other single lines. */
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Characters a file name must not carry: path separators and C0 controls, DEL. */
const FILE_NAME_UNSAFE = /[\u0000-\u001f\u007f\\/]/g;
/** Control and format characters removed from published plain text (line feed survives). */
const INVISIBLE =
	/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffe\uffff]/g;
/* eslint-enable no-control-regex */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** True if `text` is well-formed Unicode with no control characters but tab, CR and LF. */
export function isCleanText(text: string): boolean {
	return !FREE_TEXT_CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** True if `text` has no control character at all (a title, a label, a name). */
export function isCleanLine(text: string): boolean {
	return !LINE_CONTROL.test(text);
}

/** True if `text` carries bidirectional overrides or isolates (refused in file names). */
export function hasBidiControl(text: string): boolean {
	return BIDI_CONTROL.test(text);
}

/** `text` without lone surrogates and invisible or control characters (line feeds stay). */
export function withoutInvisible(text: string): string {
	return text.replace(new RegExp(LONE_SURROGATE, 'g'), '').replace(INVISIBLE, '');
}

/** A file name with path separators replaced by `_` and control characters by `replacement`. */
export function safeFileName(name: string, replacement = '_'): string {
	return name.replace(/[\\/]/g, '_').replace(FILE_NAME_UNSAFE, replacement).trim();
}
