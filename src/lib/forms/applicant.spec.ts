import { describe, expect, it } from 'vitest';
import { applicantWithVereda, asksVereda } from './applicant';

const residencia = {
	fields: [{ name: 'barrio_o_vereda', fills: 'vereda' as const }, { name: 'finalidad' }]
};
const peticion = { fields: [{ name: 'asunto' }] };
const person = { name: 'Rosa Jamioy', documentType: 'CC' as const, documentNumber: '1122334455' };

describe('the vereda, asked once', () => {
	it('is left out of the applicant block when the form asks it itself', () => {
		expect(asksVereda(residencia)).toBe(true);
		expect(asksVereda(peticion)).toBe(false);
	});

	it("stores the form's answer as the applicant's vereda", () => {
		expect(
			applicantWithVereda(person, residencia, { barrio_o_vereda: '  Vereda La Esmeralda ' })
		).toEqual({ ...person, vereda: 'Vereda La Esmeralda' });
	});

	it('keeps a vereda the applicant gave, and adds none to an anonymous request', () => {
		const withVereda = { ...person, vereda: 'Puerto Guzmán' };
		expect(applicantWithVereda(withVereda, residencia, { barrio_o_vereda: 'Otra' })).toBe(
			withVereda
		);
		expect(applicantWithVereda(undefined, residencia, { barrio_o_vereda: 'Otra' })).toBeUndefined();
		expect(applicantWithVereda(person, residencia, { barrio_o_vereda: '' })).toBe(person);
		expect(applicantWithVereda(person, peticion, { vereda: 'x' })).toBe(person);
	});
});
