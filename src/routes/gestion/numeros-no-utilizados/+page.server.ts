import { fail } from '@sveltejs/kit';
import { unusedNumberInputSchema } from '$lib/schemas';
import { bogotaDate } from '$lib/domain/calendar-date';
import { NUMBERING_BOOKS, type NumberingBook } from '$lib/domain/radicado';
import { checkForm } from '$lib/forms/zod-issues';
import { requirePermission } from '$lib/server/auth/guard';
import { postedForm, text } from '$lib/server/forms/form-data';
import {
	justifyUnusedNumber,
	unusedNumbers,
	UnusedNumberRefused
} from '$lib/server/requests/unused-numbers';
import type { Actions, PageServerLoad } from './$types';

/** The first year a series can hold numbers (the portal opened in 2026). */
const FIRST_YEAR = 2026;

const thisYear = () => Number(bogotaDate(new Date()).slice(0, 4));

/** The series' year asked for in `?anio=`, or this year. */
function yearOf(url: URL): number {
	const asked = Number(url.searchParams.get('anio'));
	return Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear() ? asked : thisYear();
}

/** The book asked for in `?serie=` (entrada or salida), or the book of entry. */
function bookOf(url: URL): NumberingBook {
	const asked = url.searchParams.get('serie');
	return NUMBERING_BOOKS.find((b) => b === asked) ?? 'entrada';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'radicados.justificar');
	const year = yearOf(url);
	const years = Array.from({ length: thisYear() - FIRST_YEAR + 1 }, (_, i) => thisYear() - i);
	return { years, register: await unusedNumbers(year, bookOf(url)) };
};

export const actions: Actions = {
	justificar: async ({ locals, url, request }) => {
		const user = requirePermission(locals, url, 'radicados.justificar');
		const data = await postedForm(request);
		const values = {
			radicado: text(data, 'radicado'),
			reason: text(data, 'reason', { multiline: true })
		};
		const checked = checkForm(unusedNumberInputSchema, values);
		if (!checked.ok) return fail(400, { issues: checked.issues, values });
		try {
			const note = await justifyUnusedNumber(checked.data, user);
			return { justified: note.radicado };
		} catch (e) {
			if (e instanceof UnusedNumberRefused) {
				return fail(409, { refused: e.code, values });
			}
			throw e;
		}
	}
};
