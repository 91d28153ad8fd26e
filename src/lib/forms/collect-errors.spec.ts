import { describe, expect, it } from 'vitest';
import type { FormDoc } from './validate';
import { collectErrors, isClean } from './collect-errors';

const form: FormDoc = {
	slug: 'queja',
	purpose: 'pqrsd',
	anonymousAllowed: true,
	fields: [{ name: 'asunto', label: 'Asunto', kind: 'texto', required: true }],
	attachments: { max: 2, required: true }
} as FormDoc;

describe('collectErrors', () => {
	it('lists each field, the applicant, the consent and the form’s own rules as codes', () => {
		const found = collectErrors(form, {
			anonymous: false,
			applicant: { documentType: 'CC' },
			values: {},
			consent: false,
			attachmentCount: 0
		});
		expect(found.fields).toMatchObject({
			campo_asunto: 'requerido',
			consentimiento: 'falta_consentimiento'
		});
		expect(Object.keys(found.fields)).toContain('nombre');
		expect(found.general).toEqual(['falta_adjunto']);
		expect(isClean(found)).toBe(false);
	});

	it('lets a minor file alone, and asks for the whole legal representative once one is named', () => {
		const filled = (applicant: Record<string, string>) =>
			collectErrors(form, {
				anonymous: false,
				applicant: { name: 'Luisa Mutumbajoy', documentNumber: '1122334455', ...applicant },
				values: { asunto: 'Beca' },
				consent: true,
				attachmentCount: 1
			}).fields;
		// A child or adolescent may petition on their own (legal review 4.4).
		expect(filled({ documentType: 'TI' })).toEqual({});
		expect(filled({ documentType: 'TI', representativeName: 'Rosa Mutumbajoy' })).toEqual({
			representante_tipo_documento: 'requerido',
			representante_numero_documento: 'requerido'
		});
		expect(
			filled({
				documentType: 'RC',
				representativeName: 'Rosa Mutumbajoy',
				representativeDocumentType: 'CC',
				representativeDocumentNumber: '41234567'
			})
		).toEqual({});
		expect(filled({ documentType: 'CC' })).toEqual({});
		// A representative typed before the document was changed to an adult's is not sent.
		expect(filled({ documentType: 'CC', representativeName: 'Rosa Mutumbajoy' })).toEqual({});
		expect(filled({ documentType: 'CC', priority: 'preferente' })).toEqual({});
		expect(filled({ documentType: 'CC', priority: 'urgente' })).toEqual({
			atencion_prioritaria: 'tipo_invalido'
		});
		// A representative with a minor's own kind of document is not one.
		expect(
			filled({
				documentType: 'TI',
				representativeName: 'Otro Menor',
				representativeDocumentType: 'TI',
				representativeDocumentNumber: '1099887766'
			})
		).toEqual({ representante_tipo_documento: 'tipo_invalido' });
	});

	it('asks nothing personal of an anonymous request', () => {
		const found = collectErrors(form, {
			anonymous: true,
			applicant: {},
			values: { asunto: 'Mal trato' },
			consent: false,
			attachmentCount: 1
		});
		expect(isClean(found)).toBe(true);
	});
});
