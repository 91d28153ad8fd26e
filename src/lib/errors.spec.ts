import { describe, expect, it } from 'vitest';
import es from '../../messages/es.json';
import en from '../../messages/en.json';
import { BACK_OFFICE_ERROR_CODES, ERROR_CODES, ERRORS, isErrorCode, statusOf } from './errors';
import { errorText } from './i18n/error-text';
import { backOfficeErrorText } from './i18n/backoffice-error-text';

describe('the error catalogue', () => {
	it('gives every code an HTTP error status', () => {
		for (const code of ERROR_CODES) {
			expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
			expect(statusOf(code), code).toBeLessThan(600);
		}
	});

	it('has a message for every code in Spanish and English', () => {
		for (const code of ERROR_CODES) {
			const key = `error_${code}`;
			expect((es as Record<string, unknown>)[key], key).toBeTruthy();
			expect((en as Record<string, unknown>)[key], key).toBeTruthy();
			expect(backOfficeErrorText(code, 'es')).toBe((es as Record<string, unknown>)[key]);
			expect(backOfficeErrorText(code, 'en')).toBe((en as Record<string, unknown>)[key]);
		}
	});

	it('keeps officials’ texts out of the citizens’ table, and renders unknown codes generically', () => {
		for (const code of BACK_OFFICE_ERROR_CODES) expect(ERRORS[code]).toBeDefined();
		expect(errorText('ya_prorrogada', 'es')).toBe(errorText('error_interno', 'es'));
		expect(errorText('codigo_del_futuro', 'en')).toBe(en.error_error_interno);
		expect(isErrorCode('toString')).toBe(false);
	});

	it('gives one status per code, whoever answers with it', () => {
		expect(statusOf('fecha_no_habil')).toBe(400);
		expect(statusOf('ya_prorrogada')).toBe(409);
	});
});
