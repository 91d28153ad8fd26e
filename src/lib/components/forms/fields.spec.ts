/**
 * The form field primitives as the server renders them (what a browser without JavaScript, or
 * before the scripts start, gets): labels, hints and errors tied to their control, and the
 * values a form post or a hydration must keep.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import CheckboxField from './CheckboxField.svelte';
import ConsentField from './ConsentField.svelte';
import ErrorSummary from './ErrorSummary.svelte';
import RowsExample from './examples/RowsExample.svelte';
import SelectField from './SelectField.svelte';
import TextField from './TextField.svelte';

/** The rendered HTML without Svelte's hydration comments and style-scoping classes. */
const html = (body: string) =>
	body
		.replace(/<!--.*?-->/g, '')
		.replace(/\s*\bsvelte-[a-z0-9]+/g, '')
		.replace(/ class=""/g, '');

describe('TextField', () => {
	it('ties the hint and the error to the box, and marks it invalid', () => {
		const { body } = render(TextField, {
			props: {
				id: 'act-owner',
				name: 'owner',
				label: 'Encargado(a)',
				hint: 'El cargo',
				error: 'Este dato es obligatorio.',
				value: 'Alcalde',
				maxlength: 160,
				required: true
			}
		});
		const out = html(body);
		expect(out).toContain('<div class="field has-error');
		expect(out).toContain('<label for="act-owner"');
		expect(out).toContain('<p class="hint" id="act-owner-ayuda"');
		expect(out).toContain('<p class="error" id="act-owner-error"');
		expect(out).toMatch(/<input[^>]*id="act-owner"/);
		expect(out).toMatch(/<input[^>]*aria-describedby="act-owner-ayuda act-owner-error"/);
		expect(out).toMatch(/<input[^>]*aria-invalid="true"/);
		expect(out).toMatch(/<input[^>]*maxlength="160"/);
		expect(out).toMatch(/<input[^>]*value="Alcalde"/);
	});

	it('sends no initial value for an empty box, and no error marks without an error', () => {
		const out = html(
			render(TextField, { props: { id: 'u-name', name: 'name', label: 'Nombre' } }).body
		);
		expect(out).not.toContain('value=');
		expect(out).not.toContain('aria-invalid');
		expect(out).not.toContain('aria-describedby');
		expect(out).not.toContain('has-error');
	});

	it('is a textarea with its text when given rows', () => {
		const out = html(
			render(TextField, {
				props: {
					id: 'reu-agenda',
					name: 'agenda',
					label: 'Orden del día',
					rows: 6,
					value: 'Uno\nDos'
				}
			}).body
		);
		expect(out).toMatch(/<textarea[^>]*id="reu-agenda"[^>]*rows="6"[^>]*>Uno\nDos<\/textarea>/);
	});
});

describe('SelectField', () => {
	it('marks the chosen option with `selected`, which hydration leaves as the person chose', () => {
		const out = html(
			render(SelectField, {
				props: {
					id: 'act-status',
					name: 'status',
					label: 'Estado',
					value: 'en-curso',
					placeholder: '— Elija una opción —',
					options: [
						{ value: 'pendiente', label: 'Pendiente' },
						{ value: 'en-curso', label: 'En curso' }
					]
				}
			}).body
		);
		expect(out).toMatch(/<option value=""\s*>— Elija una opción —<\/option>/);
		expect(out).toMatch(/<option value="en-curso" selected[^>]*>En curso<\/option>/);
		expect(out).not.toMatch(/<option value="pendiente" selected/);
	});
});

describe('CheckboxField', () => {
	it('sends its value when ticked and says so in the page', () => {
		const out = html(
			render(CheckboxField, {
				props: { id: 'f-mias', name: 'mias', value: '1', label: 'Solo las mías', checked: true }
			}).body
		);
		expect(out).toMatch(/<input[^>]*type="checkbox"[^>]*id="f-mias"[^>]*name="mias"[^>]*value="1"/);
		expect(out).toMatch(/<input[^>]*checked/);
		expect(out).toContain('<label for="f-mias">Solo las mías</label>');
	});
});

describe('RowsFieldset', () => {
	it('offers the saved rows with "Quitar", then empty rows, each label saying its row', () => {
		const out = html(render(RowsExample).body);
		expect(out).toContain('<legend>Evidencias</legend>');
		for (const n of [0, 1, 2]) expect(out).toContain(`name="evidence-${n}-title"`);
		expect(out).not.toContain('name="evidence-3-title"');
		expect(out).toContain('name="evidence-0-remove"');
		expect(out).not.toContain('name="evidence-1-remove"');
		expect(out).toContain('Quitar (fila 1)');
		expect(out).toContain('<label for="ev-2-title">Nombre (fila 3)</label>');
	});

	it("shows a row's error next to its field and marks the row", () => {
		const out = html(render(RowsExample).body);
		expect(out).toMatch(/<div class="row has-error">/);
		expect(out).toContain('<p class="error" id="ev-0-href-error">');
		expect(out).toMatch(/<input[^>]*id="ev-0-href"[^>]*aria-invalid="true"/);
		expect(out).not.toContain('id="ev-1-href-error"');
	});
});

describe('ErrorSummary', () => {
	it('links each error to its field and leaves an error of the whole form as text', () => {
		const out = html(
			render(ErrorSummary, {
				props: {
					id: 'errores-actividad',
					title: 'Revise estos datos; no se guardó nada:',
					errors: [
						{ href: '#act-due', text: 'Fecha de entrega: Escriba una fecha válida.' },
						{ text: 'Otro' }
					]
				}
			}).body
		);
		expect(out).toMatch(
			/role="alert"[^>]*id="errores-actividad"[^>]*aria-labelledby="errores-actividad-title"/
		);
		expect(out).toContain(
			'<h2 id="errores-actividad-title">Revise estos datos; no se guardó nada:</h2>'
		);
		expect(out).toContain('<a href="#act-due">Fecha de entrega: Escriba una fecha válida.</a>');
		expect(out).toContain('<li>Otro</li>');
	});

	it('renders nothing without errors', () => {
		expect(html(render(ErrorSummary, { props: { errors: [] } }).body).trim()).toBe('');
	});
});

describe('ConsentField', () => {
	const entity = 'Alcaldía Municipal de Puerto Guzmán';

	it('says next to the box who is responsible and what for, then the rights and where to use them (Ley 1581 art. 12)', () => {
		const out = html(render(ConsentField, { props: { label: 'Autorizo…', entity } }).body);
		expect(out).toContain(`Responsable de sus datos: ${entity}.`);
		expect(out).toMatch(/aria-describedby="consentimiento-politica"/);
		expect(out).toMatch(/<details[^>]*data-testid="aviso-datos"/);
		expect(out).not.toMatch(/<details[^>]*open/);
		expect(out).toContain('conocer, actualizar, corregir y pedir que se borren sus datos');
		expect(out).toContain('href="/formularios/consulta-datos-personales"');
		expect(out).toContain('href="/formularios/reclamo-datos-personales"');
		expect(out).toContain('href="/informacion/politica-de-tratamiento-de-datos-personales"');
	});

	it('opens the whole notice for a field official to read it aloud', () => {
		const out = html(
			render(ConsentField, { props: { label: 'Leí…', entity, readAloud: true } }).body
		);
		expect(out).toMatch(/<details[^>]*open/);
	});
});
