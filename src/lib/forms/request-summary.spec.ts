import { describe, expect, it } from 'vitest';
import type { FormDoc } from './validate';
import { collectErrors } from './collect-errors';
import { errorText } from './error-text';
import { requestErrorSummary } from './request-summary';

const form: FormDoc = {
	slug: 'peticion-general',
	purpose: 'pqrsd',
	anonymousAllowed: false,
	fields: [
		{ name: 'asunto', label: 'Asunto', kind: 'texto', required: true },
		{ name: 'descripcion', label: 'Descripción', kind: 'parrafo', required: true },
		{
			name: 'medio',
			label: 'Medio de respuesta',
			kind: 'opciones',
			required: true,
			options: [
				{ value: 'correo', label: 'Correo electrónico' },
				{ value: 'fisico', label: 'Correo físico' }
			]
		}
	],
	attachments: { max: 0, required: false }
} as FormDoc;

/** What the page shows after sending an empty form, with or without JavaScript. */
function summaryOfEmptyForm() {
	const found = collectErrors(form, {
		anonymous: false,
		applicant: { documentType: 'CC' },
		values: {},
		consent: false,
		attachmentCount: 0
	});
	const texts = Object.fromEntries(
		Object.entries(found.fields).map(([key, code]) => [key, errorText(code)])
	);
	return requestErrorSummary(form, texts, found.general.map(errorText));
}

describe('requestErrorSummary', () => {
	it('names the field of every error, so "obligatorio" four times still says which', () => {
		const items = summaryOfEmptyForm();
		expect(items.map((i) => i.text)).toEqual([
			'Nombre completo: Este dato es obligatorio.',
			'Número de documento: Este dato es obligatorio.',
			'Asunto: Este dato es obligatorio.',
			'Descripción: Este dato es obligatorio.',
			'Medio de respuesta: Este dato es obligatorio.',
			expect.stringMatching(/^Autorización de datos personales: Debe autorizar/)
		]);
	});

	it('lists errors in the order of the page (personal data first) and links each to its control', () => {
		const hrefs = summaryOfEmptyForm().map((i) => i.href);
		expect(hrefs).toEqual([
			'#nombre',
			'#numero_documento',
			'#campo_asunto',
			'#campo_descripcion',
			// A group of options is reached through its first option.
			'#campo_medio-correo',
			'#consentimiento'
		]);
	});

	it('keeps an error it cannot place, and puts problems of the whole form last', () => {
		const items = requestErrorSummary(form, { campo_otro: 'No es válido.' }, ['Falta un adjunto.']);
		expect(items).toEqual([
			{ href: '#campo_otro', text: 'No es válido.' },
			{ href: '#enviar', text: 'Falta un adjunto.' }
		]);
	});
});
