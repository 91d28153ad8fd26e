import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesOf, isJsonContentType, readJsonBody } from './json-body';

const post = (
	body: BodyInit | null,
	headers: Record<string, string> = { 'content-type': 'application/json' }
) =>
	new Request('http://localhost/api/solicitudes', {
		method: 'POST',
		headers,
		body,
		...(body instanceof ReadableStream ? { duplex: 'half' } : {})
	} as RequestInit);

const errorOf = async (r: Awaited<ReturnType<typeof readJsonBody>>) => {
	if (r.ok) throw new Error('expected a failure');
	return {
		status: r.response.status,
		code: ((await r.response.json()) as { error: { code: string } }).error.code
	};
};

describe('isJsonContentType', () => {
	it('accepts application/json with an optional UTF-8 charset', () => {
		expect(isJsonContentType('application/json')).toBe(true);
		expect(isJsonContentType('Application/JSON; charset=UTF-8')).toBe(true);
		expect(isJsonContentType('application/json;charset="utf-8"')).toBe(true);
	});

	it('refuses everything else', () => {
		for (const t of [
			null,
			'',
			'text/plain',
			'application/json-patch+json',
			'multipart/form-data',
			'application/json; charset=latin1',
			'application/jsonx'
		]) {
			expect(isJsonContentType(t)).toBe(false);
		}
	});
});

describe('readJsonBody', () => {
	it('parses a JSON body within the bound', async () => {
		expect(await readJsonBody(post('{"a":[1,"ñ"]}'), 100)).toEqual({
			ok: true,
			value: { a: [1, 'ñ'] }
		});
	});

	it('answers 415 for another content type before reading anything', async () => {
		expect(
			await errorOf(await readJsonBody(post('{}', { 'content-type': 'text/plain' }), 100))
		).toEqual({
			status: 415,
			code: 'tipo_contenido'
		});
	});

	it('answers 413 from the declared length, and from the bytes when no length is declared', async () => {
		const declared = post('{}', { 'content-type': 'application/json', 'content-length': '101' });
		expect(await errorOf(await readJsonBody(declared, 100))).toEqual({
			status: 413,
			code: 'demasiado_grande'
		});
		const stream = new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('"xxxxxxxxxxxxxxxxxxxx"'));
				c.close();
			}
		});
		expect(await errorOf(await readJsonBody(post(stream), 100))).toEqual({
			status: 413,
			code: 'demasiado_grande'
		});
	});

	it('skips a leading byte-order mark, as a browser would decode the body', async () => {
		const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"ñ":1}')]);
		expect(await readJsonBody(post(withBom), 100)).toEqual({ ok: true, value: { ñ: 1 } });
	});

	it('answers 400 for malformed JSON, invalid UTF-8 and an empty body', async () => {
		for (const body of ['{"a":', '', Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x7d])]) {
			expect(await errorOf(await readJsonBody(post(body), 100))).toEqual({
				status: 400,
				code: 'json_invalido'
			});
		}
	});
});

describe('issuesOf', () => {
	it('reports paths and codes, masking member names that are not plain identifiers', () => {
		const schema = z
			.object({ values: z.record(z.string().regex(/^[a-z]+$/), z.string()), n: z.number() })
			.strict();
		const r = schema.safeParse({
			values: { '<img src=x onerror=alert(1)>': 'x', ok: 1 },
			n: 'uno',
			extra: true
		});
		expect(r.success).toBe(false);
		if (r.success) return;
		const issues = issuesOf(r.error);
		expect(issues).toEqual(
			expect.arrayContaining([
				{ path: 'values.*', code: 'invalid_key' },
				{ path: 'values.ok', code: 'invalid_type' },
				{ path: 'n', code: 'invalid_type' },
				{ path: '', code: 'unrecognized_keys' }
			])
		);
		expect(JSON.stringify(issues)).not.toMatch(/onerror|uno|extra/);
	});
});
