import { describe, expect, it } from 'vitest';
import { readProposalForm, valuesOf } from './form';

const OFFICES = new Set(['secretaria-de-gobierno']);
const ID = '7c1f6a0e-3b2d-4c5e-8f9a-0b1c2d3e4f50';

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) {
		for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
	}
	return data;
};

const good = {
	id: ID,
	name: 'Permiso de quema controlada',
	purpose: 'Autoriza una quema\r\ncontrolada.',
	legalBasis: 'Ley 1755 de 2015\r\n\r\n Decreto 1076 de 2015 ',
	requirements: 'Cédula',
	cost: 'gratuito',
	costDescription: '',
	timeKind: 'dias-habiles',
	timeValue: '10',
	responsible: 'secretaria-de-gobierno',
	channels: ['presencial', 'presencial', 'en-linea']
};

describe('the proposal form', () => {
	it('reads one norm or requirement per line, and the purpose on one line', () => {
		const r = readProposalForm(form(good), OFFICES);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.input).toMatchObject({
			purpose: 'Autoriza una quema controlada.',
			legalBasis: ['Ley 1755 de 2015', 'Decreto 1076 de 2015'],
			time: { kind: 'dias-habiles', value: 10 },
			channels: ['presencial', 'en-linea']
		});
		// What the person typed comes back with LF line breaks.
		expect(r.values.legalBasis).toBe('Ley 1755 de 2015\n\n Decreto 1076 de 2015');
		expect(valuesOf(r.input).legalBasis).toBe('Ley 1755 de 2015\nDecreto 1076 de 2015');
	});

	it('answers one code per field, in the order of the form', () => {
		const r = readProposalForm(
			form({
				...good,
				purpose: '',
				legalBasis: '\n \n',
				cost: 'pago',
				timeValue: 'diez',
				responsible: 'dependencia-inventada',
				channels: []
			}),
			OFFICES
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues).toEqual([
			{ path: 'purpose', code: 'requerido' },
			{ path: 'legalBasis', code: 'requerido' },
			{ path: 'cost', code: 'requerido' },
			{ path: 'time', code: 'requerido' },
			{ path: 'responsible', code: 'opcion_invalida' },
			{ path: 'channels', code: 'requerido' }
		]);
	});
});
