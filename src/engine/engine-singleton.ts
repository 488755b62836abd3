import { EngineClient } from '../../workers/engine-client.ts';

let client: EngineClient | null = null;

/** The app's one engine (coordinator + helpers), created on first use so the project list starts no worker. */
export function engine(): EngineClient {
  client ??= new EngineClient();
  return client;
}
