/** POST /api/session (log in), GET /api/session (who am I, CSRF token), DELETE /api/session (log out). */
import type { FastifyInstance } from 'fastify';
import { requireUser, SESSION_COOKIE, type PortalOptions } from '../http/session.ts';
import { login, logout, SESSION_HOURS, sessionUser } from '../services/auth-service.ts';
import { PortalError } from '../services/errors.ts';

const publicUser = (user: NonNullable<Awaited<ReturnType<typeof sessionUser>>>) => ({ id: user.id, email: user.email, displayName: user.displayName, role: user.role, organisation: { id: user.organisationId, name: user.organisationName, kind: user.organisationKind, dit: user.dit } });

export function authRoutes(options: PortalOptions) {
  return async (app: FastifyInstance) => {
    app.post('/api/session', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (typeof body.email !== 'string' || typeof body.password !== 'string' || body.email.length > 320 || body.password.length > 1000) throw new PortalError(400, 'Adresse électronique et mot de passe attendus.');
      const { token } = await login(options.db, body.email, body.password, request.ip);
      const user = (await sessionUser(options.db, token))!;
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, secure: options.secureCookies, sameSite: 'strict', path: '/', maxAge: SESSION_HOURS * 3600 });
      return { user: publicUser(user), csrfToken: user.csrfToken };
    });
    // Not signed in is an answer, not an error: the app asks first, then shows the login form.
    app.get('/api/session', async (request) => (request.user ? { user: publicUser(request.user), csrfToken: request.user.csrfToken } : { user: null, csrfToken: null }));
    app.delete('/api/session', async (request, reply) => {
      requireUser(request);
      await logout(options.db, request.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });
  };
}
