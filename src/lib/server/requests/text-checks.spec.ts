import { describe, expect, it } from 'vitest';
import type { Submission } from '$lib/schemas';
import { textIssues } from './text-checks';

const base: Submission = {
	id: '6f1c1f4e-8a0b-4c1e-9d57-2f7e4b1a9c30',
	form: 'peticion-general',
	capturedAt: '2026-11-20T15:04:05.000Z',
	anonymous: true,
	values: {},
	attachments: [],
	pin: '123456'
};

describe('textIssues', () => {
	it('points at the member without repeating its value', () => {
		const issues = textIssues({
			...base,
			values: { asunto: 'ok 🙂', descripcion: 'malo\u0000' },
			attachments: [
				{
					id: crypto.randomUUID(),
					name: 'factura\u202efdp.jpg',
					type: 'image/jpeg',
					size: 3,
					data: '/9j/'
				}
			]
		});
		expect(issues).toEqual([
			{ path: 'values.descripcion', code: 'caracteres_no_permitidos' },
			{ path: 'attachments.0.name', code: 'caracteres_no_permitidos' }
		]);
	});

	it('accepts right-to-left text in free text', () => {
		expect(textIssues({ ...base, values: { descripcion: 'نص عربي \u200f' } })).toEqual([]);
	});
});
