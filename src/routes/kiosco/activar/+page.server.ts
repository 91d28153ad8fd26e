import { fail } from '@sveltejs/kit';
import { postedForm } from '$lib/server/forms/form-data';
import { activateKiosk, KIOSK_COOKIE, KIOSK_COOKIE_DAYS } from '$lib/server/kiosk/kiosks';
import { rates } from '$lib/server/limits/rates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ already: locals.kiosk });

/** Enrollment on the kiosk device itself: a plain form (works without JavaScript). */
export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const code = String((await postedForm(request)).get('codigo') ?? '').slice(0, 40);
		// 20 a minute per address (shared by every server): a code has 2.8 × 10^11 values and
		// lives 24 h, so guessing cannot find one, and an administrator mistyping is not held up.
		if ((await rates().kioskActivationByAddress.take(getClientAddress())).wait > 0) {
			return fail(429, { tooMany: true });
		}
		const result = await activateKiosk(code);
		if (!result.ok) return fail(400, { invalid: true });
		cookies.set(KIOSK_COOKIE, result.token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: KIOSK_COOKIE_DAYS * 86_400
		});
		return { activated: result.kiosk };
	}
};
