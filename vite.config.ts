import { defineConfig, type UserConfig } from 'vite';

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
    rolldownOptions: { input: ['demo/index.html', 'demo/themes.html', 'demo/reference.html'] },
  },
};

export default defineConfig(({ command, mode }) => (command === 'build' && mode !== 'demo' ? library : demo));
