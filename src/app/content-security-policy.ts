/**
 * The Content-Security-Policy of the app: scripts, workers and connections from its own origin only, no eval (only
 * WebAssembly may be compiled), no
 * plugin, no framing. Styles allow inline attributes (React and Konva set them). Plans are shown from blob: URLs and
 * PDF fonts may be data: URLs. Served as a header by the dev and preview servers and as a meta tag in the built
 * index.html (where frame-ancestors is ignored, hence the header too).
 */
const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  /** WebAssembly compilation only (the report worker's SVG renderer, resvg); JavaScript eval stays refused. */
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self' blob:",
  /** The report view previews generated PDFs from blob: URLs. */
  'frame-src': "'self' blob:",
  'connect-src': "'self'",
  'img-src': "'self' blob: data:",
  'font-src': "'self' data:",
  'style-src': "'self' 'unsafe-inline'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

export function contentSecurityPolicy(overrides: Record<string, string> = {}): string {
  return Object.entries({ ...DIRECTIVES, ...overrides })
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}

/** What the meta tag may carry (browsers ignore frame-ancestors there and warn). */
export function metaContentSecurityPolicy(): string {
  return contentSecurityPolicy()
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
