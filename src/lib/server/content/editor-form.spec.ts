import { describe, expect, it } from 'vitest';
import { editorValues, readEditorForm } from './editor-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

const news = {
	title: 'Feria ganadera',
	summary: '',
	responsible: 'secretaria-de-gobierno',
	reviewBy: '',
	body: 'Texto\r\ncon CRLF',
	datos: 'kind: evento\ndate: 2026-12-05\n'
};

describe('content editor form', () => {
	it('builds a valid input from the common fields and the YAML', () => {
		const result = readEditorForm('noticia', 'feria', form(news), '2026-11-30');
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.input).toMatchObject({
			slug: 'feria',
			title: 'Feria ganadera',
			updatedAt: '2026-11-30',
			kind: 'evento',
			// YAML's bare date becomes an ISO string; CRLF from the browser becomes LF.
			date: '2026-12-05',
			body: 'Texto\ncon CRLF'
		});
		expect(result.input).not.toHaveProperty('summary');
		expect(result.input).not.toHaveProperty('reviewBy');
	});

	it('reports YAML syntax errors with their line and column', () => {
		const result = readEditorForm(
			'noticia',
			'feria',
			form({ ...news, datos: 'kind: evento\ndate: [2026' }),
			'2026-11-30'
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues).toEqual([
			{ path: 'datos', code: 'yaml_invalido', at: { line: 2, column: expect.any(Number) } }
		]);
		expect(result.values.datos).toBe('kind: evento\ndate: [2026');
	});

	it('names the path of each schema problem inside the YAML, with a code', () => {
		const result = readEditorForm(
			'sesion-concejo',
			'x',
			form({ ...news, datos: 'kind: otra\nagenda:\n  - ""\n' }),
			'2026-11-30'
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.issues).toContainEqual({ path: 'datos.kind', code: 'opcion_invalida' });
		expect(result.issues).toContainEqual({ path: 'datos.agenda.0', code: 'requerido' });
		expect(result.issues).toContainEqual({ path: 'datos.place', code: 'requerido' });
		// Zod's prose never reaches the page: only codes, whose text comes from messages/.
		expect(JSON.stringify(result.issues)).not.toMatch(/Invalid|expected|inválid|esperaba/);
	});

	it('refuses common fields and non-objects in the YAML', () => {
		const own = readEditorForm('noticia', 'f', form({ ...news, datos: 'title: x' }), '2026-11-30');
		expect(own.ok ? [] : own.issues).toEqual([{ path: 'datos.title', code: 'campo_propio' }]);
		const list = readEditorForm('noticia', 'f', form({ ...news, datos: '- a\n- b' }), '2026-11-30');
		expect(list.ok ? [] : list.issues).toEqual([{ path: 'datos', code: 'yaml_no_es_lista' }]);
	});

	it('reports the common fields by their own name, and keeps what was typed', () => {
		const result = readEditorForm(
			'noticia',
			'feria',
			form({ ...news, title: ' ', reviewBy: '2027-13-45', body: 'Uno\r\nDos  ' }),
			'2026-11-30'
		);
		expect(result.ok ? [] : result.issues).toEqual([
			{ path: 'title', code: 'requerido' },
			{ path: 'reviewBy', code: 'fecha_invalida' }
		]);
		expect(result.values.body).toBe('Uno\nDos  ');
	});

	it('round-trips a stored item into the editor’s values', () => {
		const values = editorValues('noticia', {
			_id: 'noticia:feria',
			_rev: '1-a',
			type: 'noticia',
			slug: 'feria',
			title: 'Feria',
			responsible: 'secretaria-de-gobierno',
			updatedAt: '2026-11-30',
			body: 'Texto',
			html: '<p>Texto</p>',
			responsibleName: 'Gobierno',
			kind: 'evento',
			date: '2026-12-05'
		});
		expect(values).toMatchObject({ title: 'Feria', reviewBy: '', summary: '' });
		expect(values.datos).toBe('kind: evento\ndate: 2026-12-05\n');
		const { own: _none, ...fields } = values;
		const again = readEditorForm('noticia', 'feria', form(fields), '2026-11-30');
		expect(again.ok).toBe(true);
	});
});
