// E-mail notifications still to send, keyed by when their next attempt may start: a delivery
// round reads only those due, however many were sent before.
function map(doc) {
	if (doc.type === 'notificacion' && doc.channel === 'correo' && doc.state === 'pendiente') {
		emit(doc.nextAttemptAt, null);
	}
}
