import { describe, expect, it } from 'vitest';
import { actionState } from './action-state';

describe('actionState', () => {
	const loaded = { title: 'Guardado' };

	it('shows the loaded values when no action answered', () => {
		expect(actionState(null, loaded)).toEqual({ issues: [], refusal: null, values: loaded });
	});

	it("puts back the action's values, with its issues or its refusal", () => {
		const typed = { title: '' };
		const issues = [{ path: 'title', code: 'requerido' as const }];
		expect(actionState({ issues, values: typed }, loaded)).toEqual({
			issues,
			refusal: null,
			values: typed
		});
		expect(actionState({ refusal: 'conflicto', detail: null, values: typed }, loaded)).toEqual({
			issues: [],
			refusal: 'conflicto',
			values: typed
		});
	});
});
