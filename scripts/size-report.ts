// Sizes of the built files: the one-tag bundle's first load (its entry and whatever that
// imports statically), each lazy chunk and asset, compressed as a server would send them, and
// the bytes each source module contributes according to the sourcemap.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The one-tag bundle `npm run build` writes (see vite.bundle.config.ts). */
export const BUNDLE_ENTRY = 'ekyc-flow.bundle.js';
/** Its lazy chunks and workers. */
export const BUNDLE_CHUNKS = 'bundle';

export interface FileSizes {
  /** As written (minified for scripts). */
  bytes: number;
  /** `gzip -9`. */
  gzip: number;
  /** Brotli at quality 11, as a server precompresses static files. */
  brotli: number;
}

const cacheFile = resolve('node_modules/.cache/ekyc-bench/compressed-sizes.json');
let cache: Record<string, FileSizes> | null = null;

/** Compressed sizes; remembered by content hash (brotli 11 takes half a minute on the 13 MB wasm). */
export function compressedSizes(data: Uint8Array): FileSizes {
  cache ??= existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, FileSizes>) : {};
  const key = createHash('sha256').update(data).digest('hex');
  const known = cache[key];
  if (known) return known;
  const sizes = {
    bytes: data.byteLength,
    gzip: gzipSync(data, { level: 9 }).byteLength,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength },
    }).byteLength,
  };
  cache[key] = sizes;
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cache));
  return sizes;
}

/** Relative specifiers a module imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
export function staticImports(code: string): string[] {
  const pattern = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g;
  return [...code.matchAll(pattern)].map((match) => match[2] ?? '');
}

/** A script and every script it imports statically, transitively: what a browser fetches before it runs. */
export function staticClosure(file: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const specifier of staticImports(readFileSync(path, 'utf8'))) visit(resolve(dirname(path), specifier));
  };
  visit(resolve(file));
  return [...seen];
}

export interface FirstLoad {
  files: string[];
  /** The files' sizes added up (each compressed on its own, as served). */
  total: FileSizes;
}

/** The one-tag bundle's first load in `distDir`. */
export function firstLoad(distDir = 'dist'): FirstLoad {
  const files = staticClosure(join(distDir, BUNDLE_ENTRY));
  const total = { bytes: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const sizes = compressedSizes(readFileSync(file));
    total.bytes += sizes.bytes;
    total.gzip += sizes.gzip;
    total.brotli += sizes.brotli;
  }
  return { files: files.map((file) => relative(resolve(distDir), file)), total };
}

export interface SizedFile extends FileSizes {
  name: string;
}

/** Every lazy chunk and worker of the bundle, largest first. */
export function lazyChunks(distDir = 'dist'): SizedFile[] {
  const folder = join(distDir, BUNDLE_CHUNKS);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name: `${BUNDLE_CHUNKS}/${name}`, ...compressedSizes(readFileSync(join(folder, name))) }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** The self-hosted assets (the face detector's wasm runtime, loader and model; the QR reader), largest first; not their `.br` copies. */
export function faceAssets(distDir = 'dist'): SizedFile[] {
  const folder = join(distDir, 'ekyc-assets');
  return readdirSync(folder)
    .filter((name) => !name.endsWith('.br'))
    .map((name) => ({ name: `ekyc-assets/${name}`, ...compressedSizes(readFileSync(join(folder, name))) }))
    .sort((a, b) => b.bytes - a.bytes);
}
