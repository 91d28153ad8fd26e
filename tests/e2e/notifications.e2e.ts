/**
 * The citizen is answered through the channel they chose. By e-mail: the message reaches the
 * mail server (tests/e2e/mail.ts) with the radicado, the answer and its outgoing number. By
 * letter at their address: the official answers, prints the oficio (on paper the letter alone,
 * under the Alcaldía's letterhead), records it printed and handed over. Either way the citizen
 * reads when they were notified.
 */
import { expect, onlineOnlyContext, test } from './online-only';
import { actAsOfficial } from '../helpers/as-official';
import { E2E_ADMIN, expectAxeClean, fileByApi, signIn } from './helpers';
import { expectReflow } from './layout';
import { mailWith } from './mail';

const PIN = '274615';

test('a citizen who chose e-mail receives the answer under its outgoing number, and reads when', async ({
	request,
	baseURL
}) => {
	const radicado = await fileByApi(request, {
		applicant: {
			name: 'Rosalba Quinchoa',
			documentNumber: '1122334455',
			email: 'rosalba@example.org'
		},
		values: {
			asunto: 'Alumbrado de la cancha',
			descripcion: 'La cancha de La Esmeralda no tiene luz.',
			medio_respuesta: 'correo-electronico'
		},
		pin: PIN
	});
	const answered = await actAsOfficial(baseURL!, E2E_ADMIN, radicado, {
		kind: 'respuesta',
		text: 'La cuadrilla instala las luminarias el jueves.'
	});
	expect(answered).toBe(201);
	// The server's delivery round runs every five seconds.
	await expect.poll(() => mailWith(radicado).length, { timeout: 20_000 }).toBe(1);
	const mail = mailWith(radicado)[0]!;
	expect(mail).toContain('rosalba@example.org');
	expect(mail).toMatch(/PGS-\d{4}-\d{6}/);
	expect(mail).toContain('luminarias el jueves');
	const tracked = await request.post('/api/seguimiento', {
		data: { items: [{ radicado, pin: PIN }] }
	});
	const view = (await tracked.json()) as {
		items: Array<{ events: Array<{ notifiedAt?: string; notifiedBy?: string }> }>;
	};
	expect(view.items[0]?.events[0]).toMatchObject({
		notifiedBy: 'correo',
		notifiedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/)
	});
});

test('an answer by letter is printed on the letterhead alone, handed over, and the citizen reads the day', async ({
	page,
	request
}) => {
	const radicado = await fileByApi(request, {
		applicant: {
			name: 'Pedro Ribereño',
			documentNumber: '445566',
			address: 'Calle 4 # 5-20',
			vereda: 'La Esmeralda'
		},
		values: {
			asunto: 'Poda del árbol del parque',
			descripcion: 'Las ramas tocan los cables.',
			medio_respuesta: 'direccion-fisica'
		},
		pin: PIN
	});

	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	await page.goto(`/gestion/solicitudes/${radicado}`);
	await page.getByLabel('Texto de la respuesta').fill('La poda se hará el lunes.');
	await page.getByRole('button', { name: 'Revisar respuesta' }).click();
	await page
		.getByTestId('revision')
		.getByRole('button', { name: 'Confirmar y enviar respuesta' })
		.click();
	await expect(page.getByTestId('resultado')).toHaveText(/^Respuesta enviada\./);
	const record = page.getByTestId('constancia-oficio');
	await expect(record).toHaveAttribute('data-estado', 'pendiente');

	await record.getByRole('link', { name: 'Oficio para imprimir' }).click();
	const letter = page.getByTestId('oficio');
	await expect(letter).toContainText('Pedro Ribereño');
	await expect(letter).toContainText(/Oficio n\.º PGS-\d{4}-\d{6}/);
	await expectAxeClean(page);
	await page.emulateMedia({ media: 'print' });
	// On paper: the letter alone, from the top of the sheet; no buttons, no portal header.
	await expect(page.getByRole('button', { name: 'Imprimir oficio' })).toBeHidden();
	await expect(page.getByRole('link', { name: 'Volver a la solicitud' })).toBeHidden();
	await expect(page.locator('header.site-header')).toBeHidden();
	await expect(letter).toBeVisible();
	expect((await letter.boundingBox())?.y).toBeLessThan(1);
	await test.info().attach('oficio-impreso', {
		body: await page.screenshot({ fullPage: true }),
		contentType: 'image/png'
	});
	await page.emulateMedia({ media: 'screen' });
	// On screen it reflows like every back-office page (reflow.e2e.ts, whose walk has no letter:
	// one exists only once an answer by letter is sent).
	const letterUrl = new URL(page.url());
	await expectReflow(page, letterUrl.pathname + letterUrl.search);
	await page.setViewportSize({ width: 1280, height: 720 });

	await page.getByRole('link', { name: 'Volver a la solicitud' }).click();
	await record.getByRole('button', { name: 'Marcar impreso' }).click();
	await expect(page.getByTestId('resultado')).toHaveText('La constancia del oficio quedó anotada.');
	await expect(record).toHaveAttribute('data-estado', 'impresa');
	await record.locator('summary', { hasText: 'Anotar la entrega' }).click();
	await record.getByLabel('Cómo se entregó').selectOption('correo-certificado');
	await record.getByLabel(/Guía o quién lo recibió/).fill('Guía 4-72 n.º 700123');
	await record.getByRole('button', { name: 'Anotar la entrega' }).click();
	await expect(record).toHaveAttribute('data-estado', 'entregada');
	await expect(record).toContainText('Por correo certificado');
	await expect(record).toContainText('Guía 4-72 n.º 700123');

	const citizen = await (await onlineOnlyContext(page.context().browser()!)).newPage();
	await citizen.goto('/seguimiento');
	await citizen.getByLabel('Número de radicado').fill(radicado);
	await citizen.getByLabel('PIN de 6 dígitos').fill(PIN);
	await citizen.getByRole('button', { name: 'Consultar' }).click();
	await expect(citizen.getByTestId('notificada')).toContainText(
		/notificada por escrito en su dirección el \d{1,2} de \w+ de \d{4}/
	);
});
