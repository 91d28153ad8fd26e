// The offline app shell: prerendered without server rendering, precached by the service worker
// and served for any page that was never visited; the client router then renders the real
// route from the device's copy of the content.
export const ssr = false;
export const prerender = true;
