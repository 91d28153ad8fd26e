import { fail } from '@sveltejs/kit';
import { formatEnrollmentCode, kioskInputSchema } from '$lib/schemas';
import { requirePermission } from '$lib/server/auth/guard';
import { checkForm } from '$lib/forms/zod-issues';
import { postedForm, text } from '$lib/server/forms/form-data';
import {
	KioskChangeRefused,
	listKiosks,
	newEnrollmentCode,
	registerKiosk,
	revokeKiosk,
	type IssuedCode
} from '$lib/server/kiosk/kiosks';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, url, 'usuarios.gestionar');
	return { kiosks: await listKiosks() };
};

/** The one time a code is shown: to the administrator who asked for it, in this answer. */
const shown = (issued: IssuedCode) => ({
	issued: {
		name: issued.kiosk.name,
		code: formatEnrollmentCode(issued.code),
		expiresAt: issued.expiresAt
	}
});

const kioskId = (data: FormData) => {
	const id = text(data, 'id', { trim: false });
	return /^[0-9a-f-]{36}$/.test(id) ? id : null;
};

export const actions: Actions = {
	registrar: async ({ locals, url, request }) => {
		const admin = requirePermission(locals, url, 'usuarios.gestionar');
		const data = await postedForm(request);
		const idleSeconds = text(data, 'idleSeconds');
		const countdownSeconds = text(data, 'countdownSeconds');
		const values = {
			name: text(data, 'name'),
			place: text(data, 'place'),
			...(idleSeconds ? { idleSeconds } : {}),
			...(countdownSeconds ? { countdownSeconds } : {})
		};
		const checked = checkForm(kioskInputSchema, values);
		if (!checked.ok) return fail(400, { issues: checked.issues, values });
		return shown(await registerKiosk(checked.data, admin.username));
	},
	codigo: async ({ locals, url, request }) => {
		requirePermission(locals, url, 'usuarios.gestionar');
		const id = kioskId(await postedForm(request));
		if (!id) return fail(400, { refused: 'kiosco_no_encontrado' });
		try {
			return shown(await newEnrollmentCode(id));
		} catch (e) {
			if (e instanceof KioskChangeRefused) return fail(409, { refused: e.code });
			throw e;
		}
	},
	revocar: async ({ locals, url, request }) => {
		const admin = requirePermission(locals, url, 'usuarios.gestionar');
		const id = kioskId(await postedForm(request));
		if (!id) return fail(400, { refused: 'kiosco_no_encontrado' });
		try {
			await revokeKiosk(id, admin.username);
			return { revoked: id };
		} catch (e) {
			if (e instanceof KioskChangeRefused) return fail(404, { refused: e.code });
			throw e;
		}
	}
};
