/**
 * The portal's HTTP server (Fastify): security headers on every answer, the session read from its cookie on every
 * request, a CSRF token required on every state-changing request, French error messages, then the routes. It keeps
 * nothing in memory between requests: sessions, attempts and data live in the database.
 */
import cookie from '@fastify/cookie';
import Fastify, { type FastifyReply } from 'fastify';
import { sessionUser } from '../services/auth-service.ts';
import { PortalError } from '../services/errors.ts';
import { SESSION_COOKIE, type PortalOptions } from './session.ts';
import { authRoutes } from '../routes/auth-routes.ts';
import { orderRoutes } from '../routes/order-routes.ts';
import { deliverableRoutes } from '../routes/deliverable-routes.ts';
import { statementRoutes } from '../routes/statement-routes.ts';
import { dashboardRoutes } from '../routes/dashboard-routes.ts';
import { contractEndRoutes } from '../routes/contract-end-routes.ts';
import { committeeRoutes } from '../routes/committee-routes.ts';
import { quoteRoutes } from '../routes/quote-routes.ts';

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export async function buildPortal(options: PortalOptions) {
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 1_048_576, trustProxy: true });
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onSend', async (_request, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
  });

  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.sessionToken = token;
      request.user = (await sessionUser(options.db, token)) ?? null;
    }
    const changes = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
    // Logging in creates the session; every other change needs the session's CSRF token in a header.
    if (changes && !(request.method === 'POST' && request.routeOptions.url === '/api/session')) {
      if (!request.user) throw new PortalError(401, 'Session absente ou expirée : reconnectez-vous.');
      if (request.headers['x-csrf-token'] !== request.user.csrfToken) throw new PortalError(403, 'Jeton anti-falsification (CSRF) manquant ou invalide : rechargez la page.');
    }
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof PortalError) return reply.status(error.status).send({ erreur: error.message });
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413) return reply.status(413).send({ erreur: 'Envoi trop volumineux.' });
    if (status && status >= 400 && status < 500) return reply.status(status).send({ erreur: 'Requête invalide.' });
    reply.log.error(error);
    return reply.status(500).send({ erreur: 'Erreur interne du portail : réessayez ; si elle persiste, prévenez l’administrateur.' });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ erreur: 'Adresse inconnue.' }));

  await app.register(authRoutes(options));
  await app.register(orderRoutes(options));
  await app.register(deliverableRoutes(options));
  await app.register(statementRoutes(options));
  await app.register(dashboardRoutes(options));
  await app.register(contractEndRoutes(options));
  await app.register(committeeRoutes(options));
  await app.register(quoteRoutes(options));
  return app;
}
