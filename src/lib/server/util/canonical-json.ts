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
	if (value === null || typeof value !== 'object') {
		// JSON.stringify(undefined) is undefined; inside arrays JSON writes null.
		return JSON.stringify(value) ?? 'null';
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		// Plain code-unit order (not localeCompare): stable across Node versions and ICU data.
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
