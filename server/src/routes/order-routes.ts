/** Orders: list, create, page, history, progress, invoicing, closing. Every route resolves the user and asks the permissions. */
import type { FastifyInstance } from 'fastify';
import { actorOf, requireUser, type PortalOptions } from '../http/session.ts';
import { closeOrder, createOrder, historyFor, interventionReport, orderFor, ordersFor, recordProgress, setInvoicing } from '../services/order-service.ts';

export function orderRoutes(options: PortalOptions) {
  const { db } = options;
  return async (app: FastifyInstance) => {
    app.get('/api/orders', async (request) => ({ orders: await ordersFor(db, actorOf(requireUser(request))) }));
    app.post('/api/orders', async (request, reply) => {
      const id = await createOrder(db, actorOf(requireUser(request)), (request.body ?? {}) as Record<string, unknown>);
      return reply.status(201).send({ id });
    });
    app.get<{ Params: { id: string } }>('/api/orders/:id', async (request) => ({ order: await orderFor(db, actorOf(requireUser(request)), request.params.id) }));
    app.get<{ Params: { id: string } }>('/api/orders/:id/history', async (request) => ({ history: await historyFor(db, actorOf(requireUser(request)), request.params.id) }));
    app.post<{ Params: { id: string } }>('/api/orders/:id/progress', async (request) => {
      await recordProgress(db, actorOf(requireUser(request)), request.params.id, (request.body ?? {}) as Record<string, unknown>);
      return { ok: true };
    });
    app.post<{ Params: { id: string } }>('/api/orders/:id/intervention-report', async (request, reply) => {
      const user = requireUser(request);
      const report = await interventionReport(db, { ...actorOf(user), name: user.displayName, organisation: user.organisationName }, request.params.id, (request.body ?? {}) as Record<string, unknown>, new Date());
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${report.name}"`);
      return reply.send(Buffer.from(report.bytes));
    });
    app.post<{ Params: { id: string } }>('/api/orders/:id/closing', async (request) => {
      await closeOrder(db, actorOf(requireUser(request)), request.params.id);
      return { ok: true };
    });
    app.post<{ Params: { id: string } }>('/api/orders/:id/invoicing', async (request) => {
      await setInvoicing(db, actorOf(requireUser(request)), request.params.id, (request.body ?? {}) as Record<string, unknown>);
      return { ok: true };
    });
  };
}
