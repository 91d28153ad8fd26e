import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editorFormEntries } from '../../../../tests/helpers/editor-form-entries';
import { parseContentFile } from '../seed/parse-content-file';
import { editorValues, newEditorValues, readEditorForm } from './editor-form';
import { templateFor } from './editor-templates';

const TODAY = '2026-11-30';

const formData = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) {
		for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
	}
	return data;
};

const seedTramites = readdirSync('content/tramite').map((f) => {
	const file = `content/tramite/${f}`;
	return parseContentFile(file, readFileSync(file, 'utf8')).input as Record<string, unknown>;
});

describe("a trámite's own form", () => {
	it('shows every seed trámite without YAML and saves it back unchanged', () => {
		expect(seedTramites.length).toBeGreaterThan(10);
		for (const input of seedTramites) {
			const values = editorValues('tramite', input);
			expect(values.datos, String(input.slug)).toBe('');
			const read = readEditorForm(
				'tramite',
				String(input.slug),
				formData(editorFormEntries('tramite', values)),
				TODAY
			);
			expect(read.ok, JSON.stringify(read.ok ? '' : read.issues)).toBe(true);
			if (read.ok) expect(read.input).toEqual({ ...input, updatedAt: TODAY });
		}
	});

	it('starts a new trámite from the template, in the form', () => {
		const values = newEditorValues('tramite', templateFor('tramite', TODAY), {
			slug: '',
			title: '',
			summary: '',
			responsible: 'secretaria-de-gobierno',
			reviewBy: '',
			body: ''
		});
		expect(values.datos).toBe('');
		expect(values.own).toMatchObject({
			kind: 'tramite',
			requirements: [{ text: 'Documento de identidad.', legalBasis: '', optional: false }],
			steps: [{ text: 'Presentar la solicitud.' }],
			cost: { free: true, description: 'Gratuito.', legalBasis: '' }
		});
	});

	it('drops empty and removed rows and names the row of a problem', () => {
		const input = seedTramites[0]!;
		const fields = editorFormEntries('tramite', editorValues('tramite', input));
		const read = readEditorForm(
			'tramite',
			'x',
			formData({
				...fields,
				// Row 1 removed, row 2 empty, row 3 a requirement with a norm but no text.
				'o-requirements-0-remove': 'on',
				'o-requirements-1-text': '',
				'o-requirements-2-text': '',
				'o-requirements-2-legalBasis': 'Ley 1755 de 2015',
				'o-steps-4-text': 'Un paso nuevo.',
				'o-time-value': 'quince',
				'o-channels': []
			}),
			TODAY
		);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.issues).toEqual(
			expect.arrayContaining([
				{ path: 'requirements.text', row: 3, code: 'requerido' },
				{ path: 'time.value', code: 'numero_invalido' },
				{ path: 'channels', code: 'requerido' }
			])
		);
		expect(read.values.own?.steps).toContainEqual({ text: 'Un paso nuevo.' });
	});
});
