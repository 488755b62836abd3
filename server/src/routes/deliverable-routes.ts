/**
 * Deliverables: POST /api/orders/:id/deliverables (body: the ZIP as application/zip; headers X-MD5 with the `.md5`
 * file's text and X-File-Name), GET the list with receptions, GET a package or one of its files (PDF preview),
 * POST /api/orders/:id/reception.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, requireUser, type PortalOptions } from '../http/session.ts';
import { deliver, deliverableContent, deliverablesFor, receive } from '../services/deliverable-service.ts';
import { PACKAGE_LIMITS } from '../services/package-check.ts';

const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', zip: 'application/zip', svg: 'image/svg+xml', png: 'image/png', json: 'application/json', md5: 'text/plain; charset=utf-8' };

export function deliverableRoutes(options: PortalOptions) {
  const { db } = options;
  return async (app: FastifyInstance) => {
    app.addContentTypeParser('application/zip', { parseAs: 'buffer', bodyLimit: PACKAGE_LIMITS.zipBytes }, (_request, body, done) => done(null, body));
    app.post<{ Params: { id: string } }>('/api/orders/:id/deliverables', { bodyLimit: PACKAGE_LIMITS.zipBytes }, async (request, reply) => {
      const body = request.body instanceof Buffer ? new Uint8Array(request.body) : new Uint8Array();
      const md5 = String(request.headers['x-md5'] ?? '');
      const name = decodeURIComponent(String(request.headers['x-file-name'] ?? 'livrables.zip'));
      const id = await deliver(db, actorOf(requireUser(request)), request.params.id, body, md5, name);
      return reply.status(201).send({ id });
    });
    app.get<{ Params: { id: string } }>('/api/orders/:id/deliverables', async (request) => deliverablesFor(db, actorOf(requireUser(request)), request.params.id));
    app.get<{ Params: { id: string }; Querystring: { fichier?: string } }>('/api/deliverables/:id', async (request, reply) => {
      const content = await deliverableContent(db, actorOf(requireUser(request)), request.params.id, request.query.fichier);
      const extension = content.name.split('.').pop()!.toLowerCase();
      reply.header('content-type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
      // Files are shown as files, never run as pages of the portal.
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      reply.header('content-disposition', `${extension === 'pdf' && request.query.fichier ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(content.name)}`);
      return reply.send(Buffer.from(content.bytes));
    });
    app.post<{ Params: { id: string } }>('/api/orders/:id/reception', async (request) => {
      await receive(db, actorOf(requireUser(request)), request.params.id, (request.body ?? {}) as Record<string, unknown>);
      return { ok: true };
    });
  };
}
