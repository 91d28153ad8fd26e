import { describe, expect, it } from 'vitest';
import { readActivityForm, readMeetingForm } from './plan-forms';

const TODAY = '2026-11-30';
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

const activity = {
	title: 'Publicar el directorio',
	line: 'reportar-informacion-oportuna',
	phase: 'informacion',
	owner: 'Secretario(a) de Gobierno',
	responsible: 'secretaria-de-gobierno',
	start: '2026-09-01',
	due: '2027-02-26',
	status: 'en-curso',
	progress: '40'
};

describe('the activity form', () => {
	it('keeps filled evidence rows, drops empty and removed ones, and carries hidden fields over', () => {
		const r = readActivityForm(
			form({
				...activity,
				'evidence-0-title': 'Directorio',
				'evidence-0-href': '/directorio',
				'evidence-1-title': 'Vieja',
				'evidence-1-href': '/vieja',
				'evidence-1-remove': 'on',
				'evidence-2-title': '',
				'evidence-2-href': ''
			}),
			'directorio',
			TODAY,
			{ keywords: ['directorio'], reviewBy: '2027-06-01' }
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.input.evidence).toEqual([{ title: 'Directorio', href: '/directorio' }]);
		expect(r.input).toMatchObject({
			progress: 40,
			keywords: ['directorio'],
			reviewBy: '2027-06-01'
		});
		expect(r.input.updatedAt).toBe(TODAY);
	});

	it('refuses an empty progress box instead of reading it as 0 %', () => {
		const r = readActivityForm(form({ ...activity, progress: '' }), 'x', TODAY);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues).toContainEqual({ path: 'progress', code: 'requerido' });
	});

	it('answers codes, not prose: a number out of range, dates in the wrong order, 100 % when done', () => {
		const issues = (fields: Record<string, string>) => {
			const r = readActivityForm(form({ ...activity, ...fields }), 'x', TODAY);
			return r.ok ? [] : r.issues;
		};
		expect(issues({ progress: '150' })).toEqual([{ path: 'progress', code: 'fuera_de_rango' }]);
		expect(issues({ progress: 'mucho' })).toEqual([{ path: 'progress', code: 'numero_invalido' }]);
		expect(issues({ start: '2027-05-01', due: '2027-01-01' })).toEqual([
			{ path: 'due', code: 'antes_del_inicio' }
		]);
		expect(issues({ status: 'completada', progress: '60' })).toEqual([
			{ path: 'progress', code: 'avance_incompleto' }
		]);
		expect(issues({ due: '2027-02-30' })).toEqual([{ path: 'due', code: 'fecha_invalida' }]);
		expect(issues({ title: 'Con\u0007campana' })).toEqual([
			{ path: 'title', code: 'caracteres_no_permitidos' }
		]);
	});

	it('names the form row of a bad evidence link, counted from 1', () => {
		const r = readActivityForm(
			form({
				...activity,
				'evidence-0-title': '',
				'evidence-0-href': '',
				'evidence-1-title': 'Malo',
				'evidence-1-href': 'javascript:alert(1)'
			}),
			'x',
			TODAY
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues).toEqual([{ path: 'evidence.href', row: 2, code: 'enlace_invalido' }]);
	});
});

describe('the meeting form', () => {
	const meeting = {
		title: 'Reunión',
		date: '2026-11-20',
		place: 'Despacho',
		responsible: 'despacho-del-alcalde',
		agenda: 'Asistencia\n\n Seguimiento del plan \n',
		decisions: ''
	};

	it('reads attendees by role, one agenda item per line, and gives new commitments fresh ids', () => {
		const r = readMeetingForm(
			form({
				...meeting,
				'attendee-0-role': 'Alcalde municipal',
				'attendee-0-name': '',
				'attendee-1-role': '',
				'attendee-1-name': '',
				'commitment-0-id': 'compromiso-1',
				'commitment-0-text': 'Primero',
				'commitment-0-owner': 'Secretario(a) de Gobierno',
				'commitment-0-due': '2027-01-15',
				'commitment-0-activity': 'pqrsd-en-linea',
				'commitment-0-done': 'on',
				'commitment-1-id': '',
				'commitment-1-text': 'Nuevo',
				'commitment-1-owner': 'Secretario(a) de Planeación',
				'commitment-1-due': '2027-02-15',
				'commitment-1-activity': '',
				'commitment-2-id': '',
				'commitment-2-text': '',
				'commitment-2-owner': '',
				'commitment-2-due': ''
			}),
			'reunion',
			TODAY
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.input.attendees).toEqual([{ role: 'Alcalde municipal' }]);
		expect(r.input.agenda).toEqual(['Asistencia', 'Seguimiento del plan']);
		expect(r.input.commitments).toEqual([
			{
				id: 'compromiso-1',
				text: 'Primero',
				owner: 'Secretario(a) de Gobierno',
				due: '2027-01-15',
				activity: 'pqrsd-en-linea',
				done: true
			},
			{
				id: 'compromiso-2',
				text: 'Nuevo',
				owner: 'Secretario(a) de Planeación',
				due: '2027-02-15',
				done: false
			}
		]);
	});

	it('drops a removed commitment and reports a half-filled one with its row', () => {
		const r = readMeetingForm(
			form({
				...meeting,
				'attendee-0-role': 'Alcalde municipal',
				'commitment-0-id': 'compromiso-1',
				'commitment-0-text': 'Se quita',
				'commitment-0-owner': 'Alguien',
				'commitment-0-due': '2027-01-15',
				'commitment-0-remove': 'on',
				'commitment-1-text': 'Sin fecha',
				'commitment-1-owner': 'Alguien',
				'commitment-1-due': ''
			}),
			'reunion',
			TODAY
		);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.issues).toEqual([{ path: 'commitments.due', row: 2, code: 'requerido' }]);
		expect(r.values.commitments.map((c) => c.text)).toEqual(['Sin fecha']);
	});
});
