import { describe, expect, it } from 'vitest';
import { validateField, validateSubmission, validateValues, type FormDoc } from './validate';
import { validateApplicant } from './applicant';
import type { FormField } from '$lib/schemas';

const field = (f: Partial<FormField> & Pick<FormField, 'kind'>): FormField => ({
	name: 'x',
	label: 'X',
	required: false,
	options: [],
	sensitive: false,
	...f
});

const form: FormDoc = {
	slug: 'queja',
	purpose: 'pqrsd',
	anonymousAllowed: true,
	attachments: { max: 1, required: false },
	fields: [
		field({ name: 'asunto', kind: 'texto', required: true, maxLength: 10 }),
		field({
			name: 'medio',
			kind: 'opciones',
			options: [
				{ value: 'correo', label: 'Correo' },
				{ value: 'portal', label: 'Portal' }
			]
		}),
		field({ name: 'acepto', kind: 'casilla', required: true })
	]
};

describe('form engine validation', () => {
	it('flags required, too long, malformed and out-of-list answers with codes', () => {
		expect(validateValues(form, {})).toEqual({ asunto: 'requerido', acepto: 'requerido' });
		expect(validateValues(form, { asunto: 'x'.repeat(11), medio: 'fax', acepto: true })).toEqual({
			asunto: 'muy_largo',
			medio: 'opcion_invalida'
		});
		expect(validateField(field({ kind: 'correo' }), 'no-es-correo')).toBe('correo_invalido');
		expect(validateField(field({ kind: 'telefono' }), '12')).toBe('telefono_invalido');
		expect(validateField(field({ kind: 'numero' }), '12,5')).toBeNull();
		expect(validateField(field({ kind: 'numero' }), 'doce')).toBe('numero_invalido');
		expect(validateField(field({ kind: 'fecha' }), '2026-13-45')).toBe('fecha_invalida');
		expect(validateField(field({ kind: 'fecha' }), '2026-02-30')).toBe('fecha_invalida');
		expect(validateField(field({ kind: 'fecha' }), '2028-02-29')).toBeNull();
		expect(validateField(field({ kind: 'texto' }), true)).toBe('tipo_invalido');
	});

	it('treats whitespace-only answers as empty and optional fields as optional', () => {
		expect(validateValues(form, { asunto: '   ', acepto: true })).toEqual({ asunto: 'requerido' });
		expect(validateField(field({ kind: 'parrafo' }), undefined)).toBeNull();
	});

	it('checks anonymity, personal data, consent, unknown fields and attachment counts', () => {
		const base = { values: { asunto: 'Hola', acepto: true }, attachments: [] };
		expect(validateSubmission(form, { ...base, anonymous: true })).toBeNull();
		expect(validateSubmission(form, { ...base, anonymous: false })?.general).toEqual([
			'faltan_datos_personales',
			'falta_consentimiento'
		]);
		expect(
			validateSubmission(
				{ ...form, anonymousAllowed: false },
				{ ...base, anonymous: true, values: { ...base.values, otro: 'x' } }
			)?.general
		).toEqual(['campo_desconocido', 'anonimo_no_permitido']);
		expect(
			validateSubmission(form, {
				...base,
				anonymous: true,
				attachments: [{}, {}] as never
			})?.general
		).toEqual(['demasiados_adjuntos']);
	});

	it('validates the applicant block with field names as the form uses them', () => {
		expect(validateApplicant({})).toMatchObject({
			nombre: 'requerido',
			numero_documento: 'requerido'
		});
		expect(
			validateApplicant({
				name: 'Ana',
				documentType: 'CC',
				documentNumber: '12.345.678',
				email: 'ana@',
				phone: '12'
			})
		).toEqual({
			numero_documento: 'documento_invalido',
			correo: 'correo_invalido',
			telefono: 'telefono_invalido'
		});
		expect(
			validateApplicant({ name: 'Ana', documentType: 'CC', documentNumber: '1234567' })
		).toEqual({});
	});
});
