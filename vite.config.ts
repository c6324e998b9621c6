import { defineConfig } from 'vite';

// The app lives in web/; scenarios/ is read through import.meta.glob. `base: './'` keeps the build
// relocatable (it can be opened from any path), and module workers let the worker import the model.
export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  server: { port: 5173, strictPort: false, fs: { allow: ['..'] } },
  preview: { port: 4173, strictPort: false },
  worker: { format: 'es' },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // three.js alone is ~565 kB minified (140 kB gzipped); the app's own chunk is ~190 kB.
    chunkSizeWarningLimit: 600,
    // three.js and zod change far less often than the app: separate chunks stay cached across releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'three', test: /node_modules[\\/]three/ },
            { name: 'zod', test: /node_modules[\\/]zod/ },
          ],
        },
      },
    },
  },
});
