// The radicado claims of each request, so a retry or a copy of a request finds the number an
// earlier attempt claimed however many numbers were claimed since (the allocator's reuse rule).
function map(doc) {
	if (doc.type === 'radicado') emit(doc.solicitud, doc.number);
}
