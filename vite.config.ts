import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const demoPage = (name: string): string => fileURLToPath(new URL(`./demo/${name}`, import.meta.url));

/** `npm run build`: the library in `dist/`, with `lit`, MediaPipe and React left as bare imports. */
const library: UserConfig = {
  // Chunks and the worker are found relative to the module that loads them, wherever the package is served.
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: { index: 'src/index.ts', 'ekyc-flow': 'src/ekyc-flow.ts', react: 'src/react.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@mediapipe\//, /^react($|\/)/],
    },
  },
};

/** `npm start` and `npm run build:demo`: the demo page, with the API emulator in a service worker. */
const demo: UserConfig = {
  root: 'demo',
  publicDir: '../public',
  base: './',
  server: { host: true },
  build: {
    outDir: '../demo-dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: ['index.html', 'themes.html', 'reference.html'].map(demoPage) },
  },
  // Found before the first page loads, so that the dev server never reloads a page mid-flow to add one it found late
  // (MediaPipe, which the element imports only when the flow starts).
  optimizeDeps: {
    entries: ['index.html', 'themes.html', 'reference.html'],
    include: ['@mediapipe/tasks-vision', 'lit', 'lit/directives/live.js', 'msw', 'msw/browser'],
  },
};

export default defineConfig(({ command, mode }) => (command === 'build' && mode !== 'demo' ? library : demo));
