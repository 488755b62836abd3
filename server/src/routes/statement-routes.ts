/** GET /api/statements/:year/:quarter — the quarterly statement (xlsx); GET /api/statements/:year/:quarter/deadline. */
import type { FastifyInstance } from 'fastify';
import { actorOf, requireUser, type PortalOptions } from '../http/session.ts';
import { quarterlyStatement } from '../services/statement-service.ts';
import { statementDeadline } from '../calendar/working-days.ts';
import { PortalError } from '../services/errors.ts';

export function statementRoutes(options: PortalOptions) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: { year: string; quarter: string } }>('/api/statements/:year/:quarter', async (request, reply) => {
      const statement = await quarterlyStatement(options.db, actorOf(requireUser(request)), Number(request.params.year), Number(request.params.quarter), options.contractMaximumHt ?? null);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="${statement.name}"`);
      return reply.send(Buffer.from(statement.bytes));
    });
    app.get<{ Params: { year: string; quarter: string } }>('/api/statements/:year/:quarter/deadline', async (request) => {
      requireUser(request);
      const year = Number(request.params.year);
      const quarter = Number(request.params.quarter);
      if (!Number.isInteger(year) || ![1, 2, 3, 4].includes(quarter)) throw new PortalError(400, 'Trimestre attendu : année et numéro de 1 à 4.');
      return { deadline: statementDeadline(year, quarter as 1 | 2 | 3 | 4) };
    });
  };
}
