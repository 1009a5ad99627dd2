// The demo's own API (`npm start`): examples/backend's `GET /api/reports`, mounted on the demo's
// origin. It trusts a request only after verifying its token against the identity API's JWKS,
// so the demo's Team page shows what an integrator's backend answers an owner, admin or member.
import {createBackend} from '../examples/backend/server.js';

/** @returns {import('vite').Plugin} */
export function reportsBackend() {
  /** @type {ReturnType<typeof createBackend> | undefined} */
  let handle;
  return {
    name: 'auth-elements:demo-reports',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/api/reports') return next();
        const local = server.resolvedUrls?.local[0];
        const origin = local ? new URL(local).origin : `http://localhost:${server.config.server.port}`;
        // The reference API signs its tokens with its baseURL (the demo's origin) as issuer and audience.
        handle ??= createBackend({jwksUrl: `${origin}/api/auth/jwks`, issuer: origin, audience: origin});
        handle(req, res).catch(next);
      });
    },
  };
}
