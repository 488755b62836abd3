/**
 * PGlite (embedded PostgreSQL in WebAssembly) behind the pool interface Kysely's PostgresDialect expects. PGlite is one
 * connection: a lease is exclusive (queued), so a transaction's statements are never interleaved with another
 * request's. Results are reshaped as `pg` returns them (`rows`, `rowCount`, `command`).
 */
import type { PGlite } from '@electric-sql/pglite';

interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
}

export interface PgLikeClient {
  query(sql: string, parameters?: readonly unknown[]): Promise<PgLikeResult>;
  release(): void;
}

const BYTEA = 17;
/**
 * PGlite's own bytea conversion goes byte by byte in JavaScript (≈ 0.5 s per MiB each way); Node's hex codec does
 * the same in ≈ 5 ms. Bytes come back as a Buffer, as `pg` returns them.
 */
const BYTEA_OPTIONS = {
  serializers: { [BYTEA]: (value: Uint8Array) => `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}` },
  parsers: { [BYTEA]: (text: string) => Buffer.from(text.slice(2), 'hex') },
};

export function pglitePool(database: PGlite) {
  let queue: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PgLikeClient> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const previous = queue;
      queue = previous.then(() => released);
      await previous;
      return {
        async query(sql, parameters = []) {
          const result = await database.query<Record<string, unknown>>(sql, [...parameters], BYTEA_OPTIONS);
          const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, command };
        },
        release,
      };
    },
    async end() {
      await queue;
      await database.close();
    },
  };
}
