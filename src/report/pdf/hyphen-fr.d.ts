declare module 'hyphen/fr/index.js' {
  /** Inserts `hyphenChar` (a soft hyphen by default) at the French break points of every word of `text`. */
  const hyphenation: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default hyphenation;
}
