import { bogotaDate } from '../../src/lib/domain/calendar-date';
import { setOffline } from '../helpers/network-state';
import { signIn, waitForOfflineReady } from '../e2e/helpers';
import { createOfficial, expect, filedRequests, test } from './fixtures';

const DAY_MS = 86_400_000;
const OFFICIAL = {
	username: 'marta.vereda',
	name: 'Marta Vereda',
	roles: ['funcionario-campo'],
	dependencia: 'secretaria-de-gobierno',
	password: 'clave-fallas-campo-0001'
};

test('a capture handed in on day 1 in a vereda and synced on day 4 has its term from day 1', async ({
	page,
	context,
	stack
}) => {
	// Two sign-ins (scrypt), a pack and a capture on a busy two-core machine.
	test.slow();
	await createOfficial(stack, OFFICIAL);
	await signIn(page, OFFICIAL.username, OFFICIAL.password);
	await page.goto('/trabajo');
	await expect(page.getByText(`Trabajando como ${OFFICIAL.name}.`)).toBeVisible();
	await waitForOfflineReady(page);

	// Day 1, no signal: the citizen hands the request to the official.
	await setOffline(context, true);
	await page.goto('/trabajo/captura/peticion-general');
	await page.getByLabel('Nombre completo').fill('Rosa Campesina');
	await page.getByLabel('Número de documento').fill('4455667788');
	await page.getByLabel('Vereda, barrio o inspección').fill('La Esmeralda');
	await page.getByLabel('Asunto').fill('Puente caído sobre la quebrada');
	await page.locator('#campo_descripcion').fill('Entregada en la vereda el primer día.');
	await page.getByLabel(/Leí en voz alta/).check();
	const handedInAt = Date.now();
	await page.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ }).click();
	await expect(page).toHaveURL(/\/trabajo\?entregar=/);
	await page.getByRole('button', { name: 'Ya se los entregué' }).click();
	await expect(page.getByTestId('capturas-pendientes')).toHaveText('1');

	// Day 4: back in signal. The session ended meanwhile; the official signs in again.
	try {
		await stack.setServerClock(3 * DAY_MS);
		await setOffline(context, false);
		await page.getByRole('button', { name: 'Sincronizar' }).click();
		await expect(page.getByText(/^Sesión vencida/)).toBeVisible({ timeout: 20_000 });
		await signIn(page, OFFICIAL.username, OFFICIAL.password);
		await page.goto('/trabajo');
		await expect(page.getByTestId('capturas-pendientes')).toHaveText('0', { timeout: 20_000 });
		const radicado = (
			await page.getByTestId('radicada-dispositivo').locator('strong').textContent()
		)?.trim();

		const filed = (await filedRequests(stack)).find((r) => r.radicado === radicado) as
			| (Awaited<ReturnType<typeof filedRequests>>[number] & {
					handedIn?: { attested: boolean };
					deadline: { receivedDate: string };
			  })
			| undefined;
		expect(filed?.handedIn).toEqual({ channel: 'campo', attested: true });
		const capturedAt = Date.parse(filed!.capturedAt);
		expect(Math.abs(capturedAt - handedInAt)).toBeLessThan(60_000);
		// Numbered on day 4; the term counts from day 1.
		expect(bogotaDate(new Date(filed!.receivedAt))).toBe(
			bogotaDate(new Date(capturedAt + 3 * DAY_MS))
		);
		expect(filed!.deadline.receivedDate).toBe(bogotaDate(new Date(capturedAt)));

		// The official reads both dates on the request.
		await page.goto(`/gestion/solicitudes/${radicado}`);
		await expect(page.getByTestId('entrega')).toContainText('acreditada por su sesión');
	} finally {
		await stack.setServerClock(0);
	}
});
