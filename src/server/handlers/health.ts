/** `GET /api/v1/health`: no token; says the server and its store answer. */
import type { Route } from '../context.ts';

export const healthRoutes: Route[] = [
  {
    scope: 'global',
    method: 'GET',
    path: '/api/v1/health',
    handle: ({ services }) => {
      services.db.prepare('SELECT 1').get();
      return {
        status: 200,
        body: {
          status: 'ok',
          time: new Date(services.clock.now()).toISOString(),
          version: '0.1.0',
        },
      };
    },
  },
];
