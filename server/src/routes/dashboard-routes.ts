/** GET /api/dashboard (JSON) and GET /api/dashboard.csv: the steering indicators of the orders the user may see. */
import type { FastifyInstance } from 'fastify';
import { actorOf, requireUser, type PortalOptions } from '../http/session.ts';
import { dashboard, dashboardCsv } from '../services/dashboard-service.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function dashboardRoutes(options: PortalOptions) {
  return async (app: FastifyInstance) => {
    app.get('/api/dashboard', async (request) => dashboard(options.db, actorOf(requireUser(request)), today(), options.contractMaximumHt ?? null));
    app.get('/api/dashboard.csv', async (request, reply) => {
      const data = await dashboard(options.db, actorOf(requireUser(request)), today(), options.contractMaximumHt ?? null);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="tableau-de-bord-${today()}.csv"`);
      return reply.send(dashboardCsv(data));
    });
  };
}
