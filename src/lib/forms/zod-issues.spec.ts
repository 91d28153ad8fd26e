import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentInputSchemas, hrefSchema, lineSchema, slugSchema } from '$lib/schemas';
import { checkForm, fieldErrorCode, formIssues } from './zod-issues';

/** The code of the first issue `schema` finds in `value`. */
const codeOf = (schema: z.ZodType, value: unknown) => {
	const parsed = schema.safeParse(value, { reportInput: true });
	if (parsed.success) throw new Error('expected an issue');
	return fieldErrorCode(parsed.error.issues[0]!);
};

describe('fieldErrorCode', () => {
	it('reads a missing or emptied value as required', () => {
		expect(codeOf(z.object({ a: z.string() }), {})).toBe('requerido');
		expect(codeOf(z.object({ a: z.string() }), { a: null })).toBe('requerido');
		expect(codeOf(lineSchema(10), '   ')).toBe('requerido');
		expect(codeOf(z.iso.date(), '')).toBe('requerido');
		expect(codeOf(z.enum(['a', 'b']), '')).toBe('requerido');
		expect(codeOf(z.array(z.string()).min(1), [])).toBe('requerido');
	});

	it('tells too long, too short, too many and out of range apart', () => {
		expect(codeOf(lineSchema(3), 'abcd')).toBe('muy_largo');
		expect(codeOf(z.string().min(10), 'corta')).toBe('muy_corto');
		expect(codeOf(z.array(z.string()).max(1), ['a', 'b'])).toBe('demasiados');
		expect(codeOf(z.number().int().min(0).max(100), 150)).toBe('fuera_de_rango');
		expect(codeOf(z.number().int().min(0).max(100), -1)).toBe('fuera_de_rango');
	});

	it('names wrong dates, e-mails, links, numbers, choices and formats', () => {
		expect(codeOf(z.iso.date(), '2027-02-30')).toBe('fecha_invalida');
		expect(codeOf(z.email(), 'nadie')).toBe('correo_invalido');
		expect(codeOf(z.url(), 'no es un enlace')).toBe('enlace_invalido');
		expect(codeOf(z.number().int(), 2.5)).toBe('numero_invalido');
		expect(codeOf(z.number(), 'diez')).toBe('numero_invalido');
		expect(codeOf(z.enum(['a', 'b']), 'c')).toBe('opcion_invalida');
		expect(codeOf(slugSchema, 'Con Mayúsculas')).toBe('formato_invalido');
		expect(codeOf(z.boolean(), 'si')).toBe('tipo_invalido');
	});

	it("takes a refinement's code from its params, and never its prose", () => {
		expect(codeOf(lineSchema(20), 'a\u0000b')).toBe('caracteres_no_permitidos');
		expect(codeOf(hrefSchema, 'javascript:alert(1)')).toBe('enlace_invalido');
		expect(
			codeOf(
				z.string().refine(() => false, { params: { code: 'no_es_pdf' } }),
				'x'
			)
		).toBe('no_es_pdf');
		expect(
			codeOf(
				z.string().refine(() => false, 'prosa sin código'),
				'x'
			)
		).toBe('tipo_invalido');
		expect(
			codeOf(
				z.string().refine(() => false, { params: { code: 'inventado' } }),
				'x'
			)
		).toBe('tipo_invalido');
	});
});

describe('formIssues', () => {
	const meeting = z.object({
		title: lineSchema(20),
		attendees: z.array(z.object({ role: lineSchema(20) })).min(1),
		agenda: z.array(lineSchema(5))
	});

	it('gives numbered row groups their form row, counted from 1, and one issue per place', () => {
		const parsed = meeting.safeParse(
			{
				title: '',
				attendees: [{ role: 'Alcalde' }, { role: '' }],
				agenda: ['Uno', 'Demasiado largo', 'Largo también']
			},
			{ reportInput: true }
		);
		if (parsed.success) throw new Error('expected issues');
		// Form rows 0 and 3 were sent; the second value came from row 3.
		const formRow = [0, 3];
		expect(formIssues(parsed.error, { rows: { attendees: (i) => formRow[i] } })).toEqual([
			{ path: 'title', code: 'requerido' },
			{ path: 'attendees.role', row: 4, code: 'requerido' },
			{ path: 'agenda.1', code: 'muy_largo' },
			{ path: 'agenda.2', code: 'muy_largo' }
		]);
	});

	it('keeps the first issue of a place and maps paths with `place`', () => {
		const parsed = z.object({ slug: slugSchema }).safeParse({ slug: '' }, { reportInput: true });
		if (parsed.success) throw new Error('expected issues');
		// An empty slug is both too short and not a slug: the field shows the first.
		expect(parsed.error.issues.length).toBeGreaterThan(1);
		expect(formIssues(parsed.error, { place: (p) => `datos.${p}` })).toEqual([
			{ path: 'datos.slug', code: 'requerido' }
		]);
	});
});

describe('checkForm', () => {
	it('answers the parsed data, or the issues as codes', () => {
		expect(checkForm(z.object({ n: z.coerce.number() }), { n: '4' })).toEqual({
			ok: true,
			data: { n: 4 }
		});
		expect(checkForm(z.object({ n: z.number() }), {})).toEqual({
			ok: false,
			issues: [{ path: 'n', code: 'requerido' }]
		});
	});

	it('reports a cross-field refinement of a content schema on the field to fix', () => {
		const activity = {
			slug: 'a',
			title: 'Actividad',
			responsible: 'despacho-del-alcalde',
			updatedAt: '2026-11-30',
			line: 'l',
			phase: 'informacion',
			owner: 'Alcalde',
			start: '2027-05-01',
			due: '2027-01-01',
			status: 'completada',
			progress: 50
		};
		expect(checkForm(contentInputSchemas['actividad-gelt'], activity)).toEqual({
			ok: false,
			issues: [
				{ path: 'due', code: 'antes_del_inicio' },
				{ path: 'progress', code: 'avance_incompleto' }
			]
		});
	});
});
