import { describe, expect, it } from 'vitest';
import { contentInputSchemas } from '$lib/schemas';
import type { ProposalInput } from '$lib/schemas/tramite-proposal';
import {
	categoryFor,
	proposalToTramite,
	proposalTransition,
	slugify,
	uniqueSlug
} from './tramite-proposal';

const proposal: ProposalInput = {
	id: '0f8fad5b-d9cb-469f-a165-70867728950e',
	name: 'Permiso de quema controlada',
	purpose: 'Autorizar quemas agrícolas controladas fuera de la temporada seca.',
	legalBasis: ['Decreto 1076 de 2015'],
	requirements: ['Copia del documento de identidad', 'Croquis del predio'],
	cost: { free: true, description: '' },
	time: { kind: 'dias-habiles', value: 10 },
	responsible: 'secretaria-de-agricultura',
	channels: ['presencial', 'en-linea']
};
const ctx = {
	slug: 'permiso-de-quema-controlada',
	today: '2026-11-30',
	office: { name: 'Secretaría de Agricultura', address: 'Calle 5 # 4-20', hours: 'L-V 8-12' }
};

describe('proposalToTramite', () => {
	it('maps the proposal to a trámite input the content schema accepts', () => {
		const t = proposalToTramite(proposal, ctx);
		expect(() => contentInputSchemas.tramite.parse(t)).not.toThrow();
		expect(t).toMatchObject({
			slug: ctx.slug,
			title: proposal.name,
			purpose: proposal.purpose,
			responsible: 'secretaria-de-agricultura',
			category: 'agropecuario',
			legalBasis: ['Decreto 1076 de 2015'],
			channels: ['presencial', 'en-linea'],
			time: { kind: 'dias-habiles', value: 10 },
			cost: { free: true, description: 'Gratuito' },
			suitVerified: false,
			updatedAt: '2026-11-30'
		});
		expect(t.requirements).toEqual([
			{ text: 'Copia del documento de identidad', optional: false },
			{ text: 'Croquis del predio', optional: false }
		]);
		expect(t.pointsOfAttention).toEqual([ctx.office]);
	});
	it('keeps the cost description of a paid trámite and drops the value of an immediate one', () => {
		const t = proposalToTramite(
			{
				...proposal,
				cost: { free: false, description: '1 UVT (Acuerdo 12 de 2020)' },
				time: { kind: 'inmediato', value: 3 }
			},
			ctx
		);
		expect(t.cost).toEqual({ free: false, description: '1 UVT (Acuerdo 12 de 2020)' });
		expect(t.time).toEqual({ kind: 'inmediato' });
		expect(() => contentInputSchemas.tramite.parse(t)).not.toThrow();
	});
});

describe('slugs and categories', () => {
	it('makes an ASCII slug from a Spanish name', () => {
		expect(slugify('  Certificado de Años de Servicio — Señor Año ')).toBe(
			'certificado-de-anos-de-servicio-senor-ano'
		);
		expect(slugify('¿¡!?')).toBe('tramite');
	});
	it('adds a number when the slug is taken', () => {
		const taken = new Set(['a', 'a-2']);
		expect(uniqueSlug('a', (s) => taken.has(s))).toBe('a-3');
		expect(uniqueSlug('b', (s) => taken.has(s))).toBe('b');
	});
	it('guesses the category from the office and falls back to gobierno', () => {
		expect(categoryFor('secretaria-de-hacienda')).toBe('hacienda');
		expect(categoryFor('despacho-del-alcalde')).toBe('gobierno');
	});
});

describe('proposalTransition', () => {
	const comite = { username: 'ana', roles: ['comite-gelt'] as const };
	const funcionario = { username: 'luis', roles: ['funcionario'] as const };
	const review = { status: 'en-revision' as const, proposedBy: 'luis' };

	it('lets the committee approve, reject or return a proposal under review', () => {
		expect(proposalTransition(comite, review, 'aprobacion')).toEqual({
			ok: true,
			next: 'aprobada'
		});
		expect(proposalTransition(comite, review, 'rechazo')).toEqual({ ok: true, next: 'rechazada' });
		expect(proposalTransition(comite, review, 'devolucion')).toEqual({
			ok: true,
			next: 'devuelta'
		});
	});
	it('refuses decisions to accounts without plan.gestionar', () => {
		expect(proposalTransition(funcionario, review, 'aprobacion')).toEqual({
			ok: false,
			refusal: 'prohibido'
		});
	});
	it('refuses deciding twice', () => {
		const done = { ...review, status: 'aprobada' as const };
		expect(proposalTransition(comite, done, 'rechazo')).toEqual({
			ok: false,
			refusal: 'estado_invalido'
		});
	});
	it('lets only the proposer send a returned proposal again', () => {
		const returned = { status: 'devuelta' as const, proposedBy: 'luis' };
		expect(proposalTransition(funcionario, returned, 'reenvio')).toEqual({
			ok: true,
			next: 'en-revision'
		});
		expect(proposalTransition(comite, returned, 'reenvio').ok).toBe(false);
		expect(proposalTransition(funcionario, review, 'reenvio').ok).toBe(false);
	});
});
