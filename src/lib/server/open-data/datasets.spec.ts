import { describe, expect, it } from 'vitest';
import { NATIONAL_CALENDAR } from '$lib/domain/business-days';
import { requestStatistics } from '$lib/domain/statistics';
import { statRowSchema } from '$lib/schemas';
import { describeDataset, statRows } from './datasets';

describe('statRows', () => {
	const at = (d: string) => `${d}T15:00:00.000Z`;
	const deadline = { receivedDate: '2026-11-03', dueDate: '2026-11-25', businessDays: 15 };
	const stats = requestStatistics(
		[
			{
				purpose: 'pqrsd',
				type: 'queja',
				receivedAt: at('2026-11-03'),
				deadline,
				events: [{ at: at('2026-11-05'), kind: 'respuesta', status: 'respondida' }]
			},
			{ purpose: 'pqrsd', type: 'queja', receivedAt: at('2026-11-03'), deadline, events: [] },
			{
				purpose: 'tramite',
				type: 'impuesto-predial',
				receivedAt: at('2026-11-04'),
				deadline: null,
				events: []
			}
		],
		'2026-12-01',
		NATIONAL_CALENDAR,
		[]
	);
	const rows = statRows(stats);
	const find = (dimension: string, clave: string, metrica: string) =>
		rows.find((r) => r.dimension === dimension && r.clave === clave && r.metrica === metrica);

	it('writes one valid figure per row in tidy long format', () => {
		for (const r of rows) expect(() => statRowSchema.parse(r)).not.toThrow();
		expect(find('total', 'todas', 'solicitudes')?.valor).toBe(3);
		expect(find('tipo', 'queja', 'mediana_dias_habiles')?.valor).toBe(2);
		expect(find('tramite', 'impuesto-predial', 'solicitudes')?.valor).toBe(1);
		expect(find('mes', '2026-11', 'solicitudes')?.valor).toBe(3);
		expect(find('vereda', 'sin-vereda', 'solicitudes')?.valor).toBe(3);
	});
	it('gives the share as a percentage with one decimal, and null when unknown', () => {
		// One answered on time, one open past its due date: 50 %.
		expect(find('tipo', 'queja', 'porcentaje_en_termino')?.valor).toBe(50);
		expect(find('tramite', 'impuesto-predial', 'porcentaje_en_termino')?.valor).toBeNull();
		expect(find('tramite', 'impuesto-predial', 'mediana_dias_habiles')?.valor).toBeNull();
	});
});

describe('describeDataset', () => {
	it('has a Spanish description for every column of every dataset', () => {
		for (const id of ['plan-gelt', 'tramites', 'pqrsd-estadisticas'] as const) {
			const d = describeDataset(id, 'es');
			expect(d.title).not.toMatch(/^datos_/);
			for (const f of d.fields) expect(f.description, `${id}.${f.name}`).not.toMatch(/^datos_/);
		}
	});
});
