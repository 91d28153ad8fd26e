// The module `npm run build` writes to build/handler.js: adapter-node's request handler, a
// connect-style middleware that server/index.js mounts on Express. Declared here because the
// file exists only after a build, and TypeScript must not check the bundle when it does.
import type { RequestHandler } from 'express';

export declare const handler: RequestHandler;
