/** `GET /api/v1/health`: no token; says the server and its store answer. */
import { formatIsoInZone } from '../../core/time.ts';
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
          // Times in responses carry an offset (design.md §4); the server itself has no zone.
          time: formatIsoInZone(services.clock.now(), 'UTC'),
          version: '0.1.0',
        },
      };
    },
  },
];
