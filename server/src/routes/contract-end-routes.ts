/**
 * GET /api/contract/export — every record and file as a ZIP (its SHA-256 in the `x-sha256` header);
 * POST /api/contract/destruction — destroys everything after that export; answers the certificate (ZIP of PDF and CSV).
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, requireUser, SESSION_COOKIE, type PortalOptions } from '../http/session.ts';
import { destroyContractData, exportContract } from '../services/contract-end-service.ts';

export const DEFAULT_CONTRACT_NAME = 'Marché de services informatiques du ministère de la Justice (DNUM)';

export function contractEndRoutes(options: PortalOptions) {
  return async (app: FastifyInstance) => {
    app.get('/api/contract/export', async (request, reply) => {
      const user = requireUser(request);
      const exported = await exportContract(options.db, { ...actorOf(user), name: user.displayName }, new Date());
      reply.header('content-type', 'application/zip');
      reply.header('content-disposition', `attachment; filename="${exported.name}"`);
      reply.header('x-sha256', exported.sha256);
      return reply.send(Buffer.from(exported.bytes));
    });
    app.post('/api/contract/destruction', async (request, reply) => {
      const user = requireUser(request);
      const certificate = await destroyContractData(options.db, { ...actorOf(user), name: user.displayName, email: user.email, organisation: user.organisationName }, (request.body ?? {}) as Record<string, unknown>, {
        now: new Date(),
        contract: options.contractName ?? DEFAULT_CONTRACT_NAME,
        database: options.databaseKind ?? 'PGlite',
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.header('content-type', 'application/zip');
      reply.header('content-disposition', `attachment; filename="${certificate.name}"`);
      return reply.send(Buffer.from(certificate.bytes));
    });
  };
}
