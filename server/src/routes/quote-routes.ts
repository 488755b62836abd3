/**
 * The catalogue, price grids and quotes: GET /api/catalogue; GET/POST /api/price-grids (body: the BPU as xlsx or CSV,
 * X-File-Name), GET /api/price-grids/:id; GET/POST /api/quotes, GET/POST /api/quotes/:id (revise),
 * POST /api/quotes/:id/sending | adjustment | validation | abandon.
 */
import type { FastifyInstance } from 'fastify';
import { CATALOGUE } from '../catalogue/catalogue.ts';
import { actorOf, requireUser, type PortalOptions } from '../http/session.ts';
import { DEFAULT_CONTRACT_NAME } from './contract-end-routes.ts';
import { GRID_MAX_BYTES, importPriceGrid, priceGridFor, priceGridsFor } from '../services/price-grid-service.ts';
import { abandonQuote, askAdjustment, createQuote, quoteFile, quoteFor, quotesFor, reviseQuote, sendQuote, validateQuote } from '../services/quote-service.ts';

const today = () => new Date().toISOString().slice(0, 10);
const GRID_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

export function quoteRoutes(options: PortalOptions) {
  const { db } = options;
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(GRID_TYPES, { parseAs: 'buffer', bodyLimit: GRID_MAX_BYTES }, (_request, body, done) => done(null, body));
    app.get('/api/catalogue', async (request) => {
      requireUser(request);
      return CATALOGUE;
    });
    app.get('/api/price-grids', async (request) => {
      requireUser(request);
      return { grids: await priceGridsFor(db) };
    });
    app.post('/api/price-grids', { bodyLimit: GRID_MAX_BYTES }, async (request, reply) => {
      const body = request.body instanceof Buffer ? new Uint8Array(request.body) : new Uint8Array();
      const grid = await importPriceGrid(db, actorOf(requireUser(request)), body, decodeURIComponent(String(request.headers['x-file-name'] ?? 'bordereau')));
      return reply.status(201).send(grid);
    });
    app.get<{ Params: { id: string } }>('/api/price-grids/:id', async (request) => {
      requireUser(request);
      const grid = await priceGridFor(db, request.params.id);
      return { grid: { id: grid.id, version: grid.version, label: grid.label, content: grid.content } };
    });
    app.get('/api/quotes', async (request) => ({ quotes: await quotesFor(db, actorOf(requireUser(request)), today()) }));
    app.post('/api/quotes', async (request, reply) => reply.status(201).send(await createQuote(db, actorOf(requireUser(request)), (request.body ?? {}) as Record<string, unknown>, new Date())));
    app.get<{ Params: { id: string; kind: string } }>('/api/quotes/:id/devis.:kind', async (request, reply) => {
      const kind = request.params.kind === 'xlsx' ? 'xlsx' : 'pdf';
      const file = await quoteFile(db, actorOf(requireUser(request)), request.params.id, kind, options.contractName ?? DEFAULT_CONTRACT_NAME, new Date());
      reply.header('content-type', kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      reply.header('content-disposition', `${kind === 'pdf' ? 'inline' : 'attachment'}; filename="${file.name}"`);
      return reply.send(Buffer.from(file.bytes));
    });
    app.get<{ Params: { id: string } }>('/api/quotes/:id', async (request) => quoteFor(db, actorOf(requireUser(request)), request.params.id, today()));
    const body = (request: { body: unknown }) => (request.body ?? {}) as Record<string, unknown>;
    app.post<{ Params: { id: string } }>('/api/quotes/:id', async (request) => {
      await reviseQuote(db, actorOf(requireUser(request)), request.params.id, body(request));
      return { ok: true };
    });
    app.post<{ Params: { id: string } }>('/api/quotes/:id/sending', async (request) => {
      await sendQuote(db, actorOf(requireUser(request)), request.params.id, new Date());
      return { ok: true };
    });
    app.post<{ Params: { id: string } }>('/api/quotes/:id/adjustment', async (request) => {
      await askAdjustment(db, actorOf(requireUser(request)), request.params.id, body(request));
      return { ok: true };
    });
    app.post<{ Params: { id: string } }>('/api/quotes/:id/validation', async (request) => validateQuote(db, actorOf(requireUser(request)), request.params.id, body(request), new Date()));
    app.post<{ Params: { id: string } }>('/api/quotes/:id/abandon', async (request) => {
      await abandonQuote(db, actorOf(requireUser(request)), request.params.id, body(request));
      return { ok: true };
    });
  };
}
