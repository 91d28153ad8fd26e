import { signIn } from '../e2e/helpers';
import { createOfficial, expect, fillQueja, test } from './fixtures';

const DAY_MS = 86_400_000;
const OFFICIAL = {
	username: 'jefe.atencion',
	name: 'Jefe de Atención',
	roles: ['administrador'],
	dependencia: '',
	password: 'clave-fallas-jefe-0001'
};

test('a request the citizen never completed is closed as desistimiento tácito once the month has passed', async ({
	page,
	browser,
	stack
}) => {
	// Two sign-ins (scrypt) and three page journeys on a busy two-core machine.
	test.slow();
	// The citizen files without JavaScript: the receipt shows the radicado and the PIN.
	const citizen = await (
		await browser.newContext({ baseURL: stack.proxy.url, javaScriptEnabled: false })
	).newPage();
	await citizen.goto('/formularios/queja');
	await fillQueja(citizen, `Sin completar ${Date.now()}`);
	await citizen.getByRole('button', { name: 'Enviar solicitud' }).click();
	const radicado = (await citizen.getByTestId('radicado').textContent())!.trim();
	const pin = (await citizen.getByTestId('pin').textContent())!.trim();

	await createOfficial(stack, OFFICIAL);
	const office = page;
	await signIn(office, OFFICIAL.username, OFFICIAL.password);
	await office.goto(`/gestion/solicitudes/${radicado}`);
	await office.getByText('Pedir que complete la solicitud (art. 17)').click();
	await office.getByLabel('Qué falta y por qué').fill('Indique la dirección del parque.');
	await office.getByRole('button', { name: 'Enviar requerimiento' }).click();
	await expect(office.getByTestId('en-espera')).toBeVisible();
	// Within the month the act cannot be declared.
	await expect(office.getByText('Declarar desistimiento tácito')).toHaveCount(0);

	try {
		// Five weeks later, no answer came.
		await stack.setServerClock(35 * DAY_MS);
		await signIn(office, OFFICIAL.username, OFFICIAL.password);
		await office.goto(`/gestion/solicitudes/${radicado}`);
		await office.getByText('Declarar desistimiento tácito', { exact: true }).first().click();
		await office
			.getByLabel('Acto motivado')
			.fill('Pasado un mes sin respuesta al requerimiento, se entiende desistida (art. 17).');
		await office.getByRole('button', { name: 'Declarar desistimiento tácito' }).click();
		await expect(office.getByText('Solicitud cerrada por desistimiento tácito.')).toBeVisible();

		// The citizen reads the act when tracking the request.
		await citizen.goto('/seguimiento');
		await citizen.getByLabel('Número de radicado').fill(radicado);
		await citizen.getByLabel('PIN de 6 dígitos').fill(pin);
		await citizen.getByRole('button', { name: 'Consultar' }).click();
		await expect(citizen.getByTestId('estado')).toHaveText('Cerrada');
		await expect(citizen.getByText('Desistimiento tácito')).toBeVisible();
		await expect(citizen.getByText('se entiende desistida')).toBeVisible();
	} finally {
		await stack.setServerClock(0);
	}
});
