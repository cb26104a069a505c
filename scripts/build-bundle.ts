// Writes the one-tag build: `dist/ekyc-flow.bundle.js`, a self-contained, minified ES module of
// `src/index.ts` with Lit included, for a plain `<script type="module">`. What the element loads
// on demand (document guidance, the face detector and MediaPipe, the workers) stays in lazy
// chunks in `dist/bundle/`. Runs after the library build, into the same `dist/`, so that the
// default `assets-base` (`ekyc-assets/` next to the module) resolves.
// Usage: tsx scripts/build-bundle.ts
import { build } from 'vite';

await build({
  configFile: false,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    assetsDir: 'bundle',
    reportCompressedSize: false,
    // No `<link rel=modulepreload>` helper: lazy chunks load when they are needed, not before.
    modulePreload: false,
    rolldownOptions: {
      input: { 'ekyc-flow.bundle': 'src/index.ts' },
      // Keep the entry's exports (an application build drops them); allowing more exports lets
      // the code it shares with lazy chunks stay in it, instead of in a chunk of its own.
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'bundle/[name]-[hash].js',
      },
    },
  },
});
