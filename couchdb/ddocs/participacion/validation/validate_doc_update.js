// Last line of defence inside the store for citizens' participation. The app's server
// validates every write first; this guards what counting and moderation rely on: only the
// three known kinds, and every document immutable once written (an answer is counted once, a
// comment keeps what was sent, a moderation decision is final).
function validate(newDoc, oldDoc) {
	var id = newDoc._id;
	if (id.indexOf('_design/') === 0 || id.indexOf('_local/') === 0) return;
	if (oldDoc && !oldDoc._deleted) {
		// A create-only PUT of an existing id: let it reach the store's 409 (see solicitudes).
		if (!newDoc._rev && !newDoc._deleted) return;
		throw { forbidden: 'las respuestas, los comentarios y las decisiones no se modifican' };
	}
	if (newDoc._deleted) return;
	var prefix = { respuesta: 'respuesta:', comentario: 'comentario:', moderacion: 'moderacion:' };
	if (!prefix[newDoc.type]) throw { forbidden: 'tipo de documento desconocido' };
	if (id.indexOf(prefix[newDoc.type]) !== 0) throw { forbidden: 'el _id no corresponde al tipo' };
	if (!/^[0-9a-f]{64}$/.test(newDoc.payloadHash || '') && newDoc.type !== 'moderacion') {
		throw { forbidden: 'payloadHash inválido' };
	}
	if (typeof newDoc.receivedAt !== 'string') throw { forbidden: 'falta receivedAt' };
}
