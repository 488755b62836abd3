/** Random identifiers for user-made objects; deterministic code (demo, tests) passes its own. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
