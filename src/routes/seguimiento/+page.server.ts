import { fail } from '@sveltejs/kit';
import { TrackingRefused, trackRequests, withTrackingLookups } from '$lib/server/requests/tracking';
import { postedForm } from '$lib/server/forms/form-data';
import { isTrackingCode } from '$lib/domain/radicado';
import type { Actions } from './$types';

/** Tracking by radicado + PIN as a plain form: works without JavaScript and from any device. */
export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const data = await postedForm(request);
		const radicado = String(data.get('radicado') ?? '')
			.trim()
			.toUpperCase()
			.slice(0, 30);
		const pin = String(data.get('pin') ?? '').trim();
		if (!isTrackingCode(radicado) || !/^\d{6}$/.test(pin)) {
			return fail(400, { radicado, invalid: true });
		}
		const [view] = await withTrackingLookups(getClientAddress(), 1, () =>
			trackRequests([{ radicado, pin }])
		).catch((e: unknown) => {
			if (e instanceof TrackingRefused) return [undefined];
			throw e;
		});
		if (view === undefined) return fail(429, { radicado, tooMany: true });
		// The PIN comes back so the answer's document can be asked for from this page.
		return view ? { radicado, view, pin } : fail(404, { radicado, notFound: true });
	}
};
