import { describe, expect, it } from 'vitest';
import es from '../../../messages/es.json';
import { errorText, issueText } from './error-text';
import { FIELD_ERROR_CODES } from '../schemas/vocab';
import { SUBMISSION_ERRORS } from './validate';

const catalogue = new Set(Object.values(es));

describe('errorText', () => {
	it('has a message of its own for every field and submission code', () => {
		const fallback = errorText('tipo_invalido');
		for (const code of [...FIELD_ERROR_CODES, ...SUBMISSION_ERRORS]) {
			const text = errorText(code);
			expect(catalogue.has(text), code).toBe(true);
			if (code !== 'tipo_invalido') expect(text, code).not.toBe(fallback);
		}
	});

	it('reads an unknown code, or a name of Object.prototype, as "not valid"', () => {
		expect(errorText('inventado')).toBe(es.form_error_tipo_invalido);
		expect(errorText('constructor')).toBe(es.form_error_tipo_invalido);
	});
});

describe('issueText', () => {
	it('says where a YAML syntax error is when it is known', () => {
		expect(issueText({ code: 'yaml_invalido', at: { line: 3, column: 7 } })).toBe(
			'El texto no es YAML válido (línea 3, columna 7).'
		);
		expect(issueText({ code: 'yaml_invalido' })).toBe(es.form_error_yaml_invalido);
		expect(issueText({ code: 'requerido' })).toBe(es.form_error_requerido);
	});
});
