import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Pre-bundled at start-up: discovered later (lazy views, workers), they would make the dev server reload the page.
  optimizeDeps: { include: ['pdf-lib', '@pdf-lib/fontkit', 'exceljs', 'spark-md5', 'comlink', 'fflate', 'zod', 'idb', 'immer', 'konva', 'react-konva', 'zustand'] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});
