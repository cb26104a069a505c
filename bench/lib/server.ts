// Serves the benchmark pages with Vite (TypeScript compiled on the fly), and `dist/` exactly as
// built, so that the element measured is the one integrators load: a file's Brotli copy where the
// build wrote one and the browser takes Brotli, else the file gzipped; hashed names cached for a year.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createServer, type Plugin } from 'vite';
import { EkycEmulator } from '../../src/emulator/emulator.js';
import { emulatorListener } from '../../src/emulator/node.js';
import { NOTE_WASM_MEMORY, NOTE_WASM_MEMORY_COOKIE } from './paced.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.tflite': 'application/octet-stream',
};

function isFileIn(root: string, path: string): boolean {
  try {
    return path.startsWith(root + sep) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * How long a browser may keep a built file: a year, never asked again, for those whose names carry their content hash
 * (the self-hosted assets, the bundle's lazy chunks); the entry module is asked again each time.
 */
const cacheControl = (path: string): string =>
  /[/\\]ekyc-assets[/\\]|[/\\]bundle[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';

/** Built files gzipped once, as a server would send them (the throttled link then carries what a phone receives). */
const gzipped = new Map<string, Buffer>();
function gzipOf(path: string): Buffer {
  let body = gzipped.get(path);
  if (!body) {
    body = gzipSync(readFileSync(path), { level: 6 });
    gzipped.set(path, body);
  }
  return body;
}

function serveBuilt(distDir: string): Plugin {
  const root = resolve(distDir);
  // The emulator over real HTTP, same origin: uploads go through the network (and its throttling), not a service worker.
  const emulator = new EkycEmulator();
  const answerApi = emulatorListener(emulator, 'http://localhost/bench-api');
  return {
    name: 'bench-serve-dist',
    configureServer(server) {
      // The API emulator's service worker, at the root so that it controls the pages.
      server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
        response.setHeader('Content-Type', 'text/javascript');
        createReadStream('public/mockServiceWorker.js').pipe(response);
      });
      server.middlewares.use('/bench-session', (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify({ sessionId: emulator.createSession() }));
      });
      server.middlewares.use('/bench-api', (request, response) => {
        answerApi(request, response);
      });
      server.middlewares.use('/dist', (request, response, next) => {
        const path = resolve(root, `.${decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)}`);
        if (!isFileIn(root, path)) {
          next();
          return;
        }
        response.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
        if (/[/\\]face-worker-[^/\\]*\.js$/.test(path) && (request.headers.cookie ?? '').includes(`${NOTE_WASM_MEMORY_COOKIE}=1`)) {
          // For the paced flow's memory samples; never kept, since other pages get the plain worker.
          response.setHeader('Cache-Control', 'no-store');
          response.end(NOTE_WASM_MEMORY + readFileSync(path, 'utf8'));
          return;
        }
        response.setHeader('Cache-Control', cacheControl(path));
        response.setHeader('Vary', 'Accept-Encoding');
        const accepted = request.headers['accept-encoding'] ?? '';
        // The build's Brotli copies, where the browser takes Brotli (as a host with precompressed files serves them).
        if (/\bbr\b/.test(accepted) && isFileIn(root, `${path}.br`)) {
          response.setHeader('Content-Encoding', 'br');
          createReadStream(`${path}.br`).pipe(response);
          return;
        }
        if (/\bgzip\b/.test(accepted)) {
          response.setHeader('Content-Encoding', 'gzip');
          response.end(gzipOf(path));
          return;
        }
        createReadStream(path).pipe(response);
      });
    },
  };
}

export interface BenchServer {
  /** e.g. `http://localhost:5174` (localhost: a secure context, as the camera and service workers need). */
  origin: string;
  close(): Promise<void>;
}

export async function startBenchServer(distDir = 'dist'): Promise<BenchServer> {
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    // Pages reach public/ by its path (/public/ekyc-assets/); only the emulator's worker must be at the root.
    publicDir: false,
    logLevel: 'warn',
    // Others may edit files meanwhile: never reload a page in the middle of a measurement.
    server: { host: 'localhost', port: 5199, strictPort: false, hmr: false, watch: null },
    // Pre-bundle every dependency before the first page, or the first page is reloaded when one is found.
    optimizeDeps: { entries: ['bench/pages/*.html'] },
    plugins: [serveBuilt(distDir)],
  });
  await server.listen();
  const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!origin) throw new Error('The benchmark server has no local address.');
  return { origin, close: () => server.close() };
}
