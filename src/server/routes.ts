/** Every route of the v1 API (docs/api.md and what this server adds; see README "Server API"). */
import type { Route } from './context.ts';
import { appointmentRoutes } from './handlers/appointments.ts';
import { capacityRoutes } from './handlers/capacity.ts';
import { checkInRoutes } from './handlers/check-ins.ts';
import { counterRoutes } from './handlers/counters.ts';
import { healthRoutes } from './handlers/health.ts';
import { operationsRoutes } from './handlers/operations.ts';
import { queueRoutes } from './handlers/queue.ts';
import { staffCallRoutes } from './handlers/staff-calls.ts';
import { statisticsRoutes } from './handlers/statistics.ts';
import { syncRoutes } from './handlers/sync.ts';
import { ticketRoutes } from './handlers/tickets.ts';
import { tokenRoutes } from './handlers/tokens.ts';

export const ROUTES: readonly Route[] = [
  ...healthRoutes,
  ...capacityRoutes,
  ...ticketRoutes,
  ...checkInRoutes,
  ...appointmentRoutes,
  ...staffCallRoutes,
  ...statisticsRoutes,
  ...counterRoutes,
  ...queueRoutes,
  ...syncRoutes,
  ...tokenRoutes,
  ...operationsRoutes,
];
