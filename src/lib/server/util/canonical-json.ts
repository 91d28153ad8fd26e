/**
 * One text per value, whatever order its keys were written in: the base of every fingerprint
 * that makes a write idempotent (filing, consulta answers, comments) and of design-document
 * comparison at start-up.
 */

/**
 * JSON with object keys sorted at every level, so the same data always gives the same text
 * whatever order a device serialised it in. Arrays keep their order (it is meaningful);
 * `undefined` members are dropped and non-finite numbers become `null`, as in `JSON.stringify`.
 */
export function canonicalJson(value: unknown): string {
	const parts: string[] = [];
	writeCanonicalJson(value, (text) => parts.push(text));
	return parts.join('');
}

/**
 * The text of `canonicalJson(value)`, given to `write` piece by piece: a fingerprint hashes a
 * request with its photos (hundreds of KB) without building one string of all of it first.
 */
export function writeCanonicalJson(value: unknown, write: (text: string) => void): void {
	if (value === null || typeof value !== 'object') {
		// JSON.stringify(undefined) is undefined; inside arrays JSON writes null.
		write(JSON.stringify(value) ?? 'null');
		return;
	}
	if (Array.isArray(value)) {
		write('[');
		value.forEach((item, i) => {
			if (i) write(',');
			writeCanonicalJson(item, write);
		});
		write(']');
		return;
	}
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		// Plain code-unit order (not localeCompare): stable across Node versions and ICU data.
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	write('{');
	entries.forEach(([k, v], i) => {
		write(`${i ? ',' : ''}${JSON.stringify(k)}:`);
		writeCanonicalJson(v, write);
	});
	write('}');
}
