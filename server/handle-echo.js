// Holds the listening socket its parent sends, and sends it back each time it is asked (a message
// `again`), until the parent disconnects: each copy that arrives through the IPC channel is a new
// descriptor of the same socket (`server/accept-handles.js` says why the app wants them). One at
// a time: a handle sent before the previous one was acknowledged would wait in a queue that a
// disconnect throws away.
/** @type {any} */
let handle;
process.on('message', (/** @type {unknown} */ message, /** @type {any} */ received) => {
	if (received) handle = received;
	if (message === 'again' && handle) process.send?.('copy', handle);
});
process.on('disconnect', () => {
	handle?.close();
});
