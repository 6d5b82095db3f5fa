/** `GET /api/v1/health`: no token; says the server and its store answer. */
import { formatIsoInZone } from '../../core/time.ts';
import { routes } from '../../wire/routes.ts';
import { type Route, mountGlobal } from '../context.ts';

export const healthRoutes: Route[] = [
  mountGlobal(routes.health, ({ services }) => {
    services.db.prepare('SELECT 1').get();
    return {
      status: 200,
      body: {
        status: 'ok',
        // Times in responses carry an offset; the server itself has no zone.
        time: formatIsoInZone(services.clock.now(), 'UTC'),
        version: '0.1.0',
      },
    };
  }),
];
