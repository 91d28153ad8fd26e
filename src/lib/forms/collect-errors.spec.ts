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
