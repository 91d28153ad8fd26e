/** A page's plain HTML form, as a browser without JavaScript uses it. */

/** The one-time id (`clientId`) of the form `url` serves. */
export async function plainFormId(url: string): Promise<string> {
	const html = await (await fetch(url)).text();
	const id = /name="clientId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
	if (!id) throw new Error(`${url} no trae clientId`);
	return id;
}

/** Posts `fields` to `url` as the browser submits the form; the status and the HTML answer. */
export async function postPlainForm(url: string, fields: Record<string, string>) {
	const res = await fetch(url, {
		method: 'POST',
		headers: {
			accept: 'text/html',
			origin: new URL(url).origin,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
	return { status: res.status, html: await res.text() };
}
