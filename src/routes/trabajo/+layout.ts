// The device workspace reads only what is on the device (IndexedDB): there is nothing for the
// server to render, and it must open offline from the cached shell.
export const ssr = false;
