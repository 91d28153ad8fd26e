// Last line of defence inside the store for filed requests. The app's server validates every
// write with the Zod schemas in src/lib/schemas first; CouchDB cannot run Zod, so this guards
// what the law and the radicado allocator rely on: only the six known kinds of document, each
// with its id derived from its content, and requests, events, radicado claims and the
// justifications of unused numbers immutable once written (no update, no deletion). Only the
// counter, a hint, may change.
function validate(newDoc, oldDoc) {
	var id = newDoc._id;
	if (id.indexOf('_design/') === 0 || id.indexOf('_local/') === 0) return;
	var exists = oldDoc && !oldDoc._deleted;
	if (exists && oldDoc.type !== 'contador') {
		// A create-only PUT (no _rev) of an existing id: Apache CouchDB answers 409 before calling
		// this function; the embedded store calls it first, so let it reach the same 409 (the
		// radicado allocator counts on 409 meaning "number taken").
		if (!newDoc._rev && !newDoc._deleted) return;
		throw {
			forbidden: 'las solicitudes, sus eventos y los radicados no se modifican ni se borran'
		};
	}
	if (newDoc._deleted) return;

	var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
	var RADICADO = /^[A-Z]{2,6}-\d{4}-\d{6}$/;
	var INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
	function need(ok, message) {
		if (!ok) throw { forbidden: message };
	}
	function text(v) {
		return typeof v === 'string' && v.length > 0;
	}

	if (newDoc.type === 'solicitud') {
		need(UUID.test(newDoc.id) && id === 'solicitud:' + newDoc.id, 'el _id debe ser solicitud:<id>');
		need(RADICADO.test(newDoc.radicado), 'radicado inválido');
		need(text(newDoc.form) && text(newDoc.formTitle), 'falta el formulario');
		need(INSTANT.test(newDoc.capturedAt) && INSTANT.test(newDoc.receivedAt), 'fechas inválidas');
		need(/^scrypt\$/.test(newDoc.pinHash), 'el PIN debe guardarse como hash scrypt');
		need(/^[0-9a-f]{64}$/.test(newDoc.payloadHash), 'payloadHash inválido');
		need(typeof newDoc.values === 'object' && newDoc.values !== null, 'faltan los valores');
		need(
			Object.prototype.toString.call(newDoc.attachments) === '[object Array]',
			'faltan los adjuntos'
		);
		return;
	}
	if (newDoc.type === 'evento') {
		need(UUID.test(newDoc.solicitud), 'solicitud inválida');
		need(
			id.indexOf('evento:' + newDoc.solicitud + ':') === 0,
			'el _id debe ser evento:<solicitud>:…'
		);
		need(RADICADO.test(newDoc.radicado), 'radicado inválido');
		var kinds = [
			'estado',
			'respuesta',
			'asignacion',
			'traslado',
			'prorroga',
			'remision',
			'desistimiento',
			'requerimiento',
			'complemento',
			'desistimiento-tacito',
			'nota'
		];
		need(kinds.indexOf(newDoc.kind) >= 0, 'tipo de evento inválido');
		if (newDoc.kind === 'estado' || newDoc.kind === 'respuesta') {
			need(
				['radicada', 'en-tramite', 'respondida', 'cerrada'].indexOf(newDoc.status) >= 0,
				'estado inválido'
			);
		}
		if (newDoc.kind === 'asignacion') need(text(newDoc.assignee), 'falta a quién se asigna');
		if (newDoc.kind === 'traslado') need(text(newDoc.dependencia), 'falta la dependencia');
		if (newDoc.kind === 'remision') need(text(newDoc.entity), 'falta la entidad competente');
		if (newDoc.kind === 'prorroga') {
			need(/^\d{4}-\d{2}-\d{2}$/.test(newDoc.dueDate), 'falta la nueva fecha');
		}
		need(
			typeof newDoc.text === 'string' &&
				(newDoc.kind === 'asignacion' || newDoc.kind === 'desistimiento' || text(newDoc.text)) &&
				text(newDoc.by) &&
				INSTANT.test(newDoc.at),
			'faltan datos del evento'
		);
		return;
	}
	if (newDoc.type === 'radicado') {
		need(RADICADO.test(newDoc.radicado), 'radicado inválido');
		need(id === 'radicado:' + newDoc.radicado, 'el _id debe ser radicado:<radicado>');
		need(UUID.test(newDoc.solicitud), 'el radicado debe indicar su solicitud');
		need(newDoc.number === parseInt(newDoc.radicado.slice(-6), 10), 'número inconsistente');
		return;
	}
	if (newDoc.type === 'intento') {
		need(UUID.test(newDoc.solicitud), 'solicitud inválida');
		need(id === 'intento:' + newDoc.solicitud, 'el _id debe ser intento:<solicitud>');
		need(INSTANT.test(newDoc.at), 'fecha inválida');
		return;
	}
	if (newDoc.type === 'justificacion') {
		need(RADICADO.test(newDoc.radicado), 'radicado inválido');
		need(id === 'justificacion:' + newDoc.radicado, 'el _id debe ser justificacion:<radicado>');
		need(
			text(newDoc.reason) && text(newDoc.by) && text(newDoc.byName) && INSTANT.test(newDoc.at),
			'faltan datos de la justificación'
		);
		return;
	}
	if (newDoc.type === 'contador') {
		need(/^[A-Z]{2,6}-\d{4}$/.test(newDoc.series), 'serie inválida');
		need(id === 'contador:' + newDoc.series, 'el _id debe ser contador:<serie>');
		need(
			typeof newDoc.last === 'number' && newDoc.last >= 0 && newDoc.last % 1 === 0,
			'last inválido'
		);
		return;
	}
	throw { forbidden: 'tipo de documento desconocido' };
}
