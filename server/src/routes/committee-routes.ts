/**
 * Committees: GET /api/committees, POST /api/committees (plan), POST /api/committees/:id/minutes (body: the PDF,
 * X-File-Name), GET /api/committees/:id/minutes (the PDF, inline), POST /api/committees/:id/decision.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, requireUser, type PortalOptions } from '../http/session.ts';
import { committeesFor, decideMinutes, MINUTES_MAX_BYTES, minutesContent, planCommittee, submitMinutes } from '../services/committee-service.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function committeeRoutes(options: PortalOptions) {
  const { db } = options;
  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MINUTES_MAX_BYTES }, (_request, body, done) => done(null, body));
    app.get('/api/committees', async (request) => ({ committees: await committeesFor(db, actorOf(requireUser(request)), today()) }));
    app.post('/api/committees', async (request, reply) => {
      const id = await planCommittee(db, actorOf(requireUser(request)), (request.body ?? {}) as Record<string, unknown>);
      return reply.status(201).send({ id });
    });
    app.post<{ Params: { id: string } }>('/api/committees/:id/minutes', { bodyLimit: MINUTES_MAX_BYTES }, async (request) => {
      const body = request.body instanceof Buffer ? new Uint8Array(request.body) : new Uint8Array();
      await submitMinutes(db, actorOf(requireUser(request)), request.params.id, body, decodeURIComponent(String(request.headers['x-file-name'] ?? 'compte-rendu.pdf')), today());
      return { ok: true };
    });
    app.get<{ Params: { id: string } }>('/api/committees/:id/minutes', async (request, reply) => {
      const minutes = await minutesContent(db, actorOf(requireUser(request)), request.params.id);
      reply.header('content-type', 'application/pdf');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(minutes.name)}`);
      return reply.send(Buffer.from(minutes.bytes));
    });
    app.post<{ Params: { id: string } }>('/api/committees/:id/decision', async (request) => {
      await decideMinutes(db, actorOf(requireUser(request)), request.params.id, (request.body ?? {}) as Record<string, unknown>);
      return { ok: true };
    });
  };
}
