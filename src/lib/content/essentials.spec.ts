import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '$lib/schemas';
import { ESSENTIAL_TYPES, isEssentialId } from './essentials';

describe('isEssentialId', () => {
	it('takes trámites, forms, pages, contact, offices, institutions and the transparency menu', () => {
		for (const id of [
			'tramite:certificado-de-residencia',
			'pagina:canales-de-atencion',
			'formulario:peticion-general',
			'sitio:sitio',
			'dependencia:secretaria-de-gobierno',
			'institucion:concejo-municipal',
			'transparencia:1-1'
		])
			expect(isEssentialId(id), id).toBe(true);
	});

	it('leaves news, normas, sessions, the plan and participation for later', () => {
		const later = CONTENT_TYPES.filter((t) => !(ESSENTIAL_TYPES as readonly string[]).includes(t));
		expect(later).toEqual(
			expect.arrayContaining(['noticia', 'norma', 'sesion-concejo', 'linea-gelt', 'consulta'])
		);
		for (const type of later) expect(isEssentialId(`${type}:x`), type).toBe(false);
	});

	it('is not fooled by a type name inside the slug or a missing type', () => {
		expect(isEssentialId('noticia:tramite')).toBe(false);
		expect(isEssentialId(':tramite')).toBe(false);
		expect(isEssentialId('tramite')).toBe(false);
		expect(isEssentialId('_design/validacion')).toBe(false);
	});
});
