/** The session cookie, the request's user and the actor the permissions judge. */
import type { FastifyRequest } from 'fastify';
import type { PortalDatabase } from '../db/database.ts';
import type { sessionUser } from '../services/auth-service.ts';
import { PortalError } from '../services/errors.ts';
import type { Actor } from '../services/permissions.ts';

export const SESSION_COOKIE = 'ondeplan_portail';

export interface PortalOptions {
  db: PortalDatabase;
  /** Cookies marked Secure (the portal is served over HTTPS). */
  secureCookies: boolean;
  /** Largest request body accepted (bytes). */
  bodyLimit?: number;
  /** The contract's maximum amount (€ HT), printed in the quarterly statement. */
  contractMaximumHt?: number | null;
  /** The contract's name, printed on the certificate of destruction. */
  contractName?: string;
  /** Which database the portal runs on (written on the certificate of destruction). */
  databaseKind?: 'PGlite' | 'PostgreSQL';
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof sessionUser>>>;

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    sessionToken: string | null;
  }
}

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, role: user.role, organisationKind: user.organisationKind, dit: user.dit };
}

/** The signed-in user, or a 401 in French. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new PortalError(401, 'Session absente ou expirée : reconnectez-vous.');
  return request.user;
}

