import { test } from './online-only';
import { E2E_ADMIN, fileByApi, signIn } from './helpers';
import { expectReflow } from './layout';

test('every back-office page reflows at 320 px and with text at 200 %, as public pages do (public-pages.e2e.ts), for an official on a phone with large text', async ({
	page
}) => {
	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	const radicado = await fileByApi(page.request);
	// The letter page (`…/oficio?evento=`) needs an answer by letter: notifications.e2e.ts.
	const paths = [
		'/gestion',
		'/gestion/bandeja',
		`/gestion/solicitudes/${radicado}`,
		'/gestion/comentarios',
		'/gestion/consultas',
		'/gestion/contenido',
		'/gestion/contenido/revision',
		'/gestion/contenido/noticia/nuevo',
		'/gestion/contenido/tramite/constancia-de-trasteo',
		'/gestion/cuenta',
		'/gestion/kioscos',
		'/gestion/numeros-no-utilizados',
		'/gestion/plan',
		'/gestion/plan/actividades/nueva',
		'/gestion/plan/reuniones',
		'/gestion/plan/reuniones/nueva',
		'/gestion/propuestas',
		'/gestion/propuestas/nueva',
		'/gestion/usuarios',
		`/gestion/usuarios/${E2E_ADMIN.username}`,
		'/gestion/vencimientos'
	];
	for (const path of paths) await expectReflow(page, path);
});
