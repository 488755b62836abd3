import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, metaContentSecurityPolicy, SECURITY_HEADERS } from './src/app/content-security-policy.ts';

/**
 * The Content-Security-Policy as a meta tag in the built page. The dev server sends a header instead, relaxed only
 * for what Vite's hot reload needs (the React refresh preamble is an inline script, and the client opens a socket).
 */
function securityPolicy(): Plugin {
  return {
    name: 'ondeplan-csp',
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) =>
        context.server ? html : html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}" />`),
    },
    configureServer(server) {
      const devPolicy = contentSecurityPolicy({ 'script-src': "'self' 'unsafe-inline'", 'connect-src': "'self' ws: wss:" });
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, name === 'Content-Security-Policy' ? devPolicy : value);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
        next();
      });
    },
  };
}

const portalTarget = `http://127.0.0.1:${process.env.PORTAL_PORT ?? 8787}`;

export default defineConfig({
  plugins: [react(), securityPolicy()],
  worker: { format: 'es' },
  // Pre-bundled at start-up: discovered later (lazy views, workers), they would make the dev server reload the page.
  optimizeDeps: { include: ['pdf-lib', '@pdf-lib/fontkit', 'exceljs', 'spark-md5', 'comlink', 'fflate', 'zod', 'idb', 'immer', 'konva', 'react-konva', 'zustand', 'dompurify', 'papaparse', 'chardet'] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  // The tracking portal's API on the app's own origin (its cookies are SameSite=Strict, its CSRF token same-origin).
  server: { port: 5173, strictPort: false, proxy: { '/api': portalTarget } },
  preview: { port: 4173, proxy: { '/api': portalTarget } },
});
