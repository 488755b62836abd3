/**
 * Global setup of the portal's tests: a throwaway PostgreSQL server (no fsync) unless TEST_DATABASE_URL names one
 * already; stopped and its folder removed at the end.
 */
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../scripts/postgres-throwaway.ts';

export default function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const server = startThrowawayPostgres({ durable: false });
  project.provide('postgresUrl', server.url);
  return server.stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
