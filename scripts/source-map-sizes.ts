// Where a generated file's bytes come from: each mapped span counts for the source it maps to,
// up to the next span.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readSourceMap } from './source-map.js';

export interface ModuleShare {
  /** The source path relative to the project (e.g. `node_modules/lit-html/…`, `src/…`), or `(unmapped)`. */
  module: string;
  /** Minified bytes. */
  bytes: number;
  /** What the file's `gzip -9` size would lose without these bytes (shares of a gzip stream do not add up exactly). */
  gzip: number;
}

const UNMAPPED = '(unmapped)';

/**
 * Bytes of `file` per source module, largest first. A span runs to the next span, across line
 * ends: the lines of a multi-line template literal (the element's CSS and HTML) have no
 * mappings of their own and count for the module the literal starts in. Spans mapped to no
 * source count as `(unmapped)`.
 */
export function moduleSizes(file: string, projectRoot = '.'): ModuleShare[] {
  const map = readSourceMap(file, projectRoot);
  const lines = readFileSync(file, 'utf8').split('\n');
  // The text cut into [module, text] pieces; sourcemap columns count UTF-16 units, as `slice` does.
  const pieces: [string, string][] = [];
  let current = UNMAPPED;
  lines.forEach((line, index) => {
    const segments = map.lines[index] ?? [];
    pieces.push([current, line.slice(0, segments[0]?.column ?? line.length)]);
    segments.forEach(({ column, source }, i) => {
      current = map.sources[source] ?? UNMAPPED;
      pieces.push([current, line.slice(column, segments[i + 1]?.column ?? line.length)]);
    });
    if (index < lines.length - 1) pieces.push([current, '\n']);
  });
  const gzipped = (text: string): number => gzipSync(text, { level: 9 }).byteLength;
  const whole = gzipped(pieces.map(([, text]) => text).join(''));
  return [...new Set(pieces.map(([module]) => module))]
    .map((module) => ({
      module,
      bytes: pieces.reduce((sum, [owner, text]) => sum + (owner === module ? Buffer.byteLength(text) : 0), 0),
      gzip: whole - gzipped(pieces.flatMap(([owner, text]) => (owner === module ? [] : [text])).join('')),
    }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Sums module shares by package (`lit-html`, `@lit/reactive-element`) or, for the project's own code, by `src/` folder. */
export function packageSizes(modules: readonly ModuleShare[]): ModuleShare[] {
  const totals = new Map<string, { bytes: number; gzip: number }>();
  for (const { module, bytes, gzip } of modules) {
    const parts = module.split('/');
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
    const group = inPackage?.[1] ?? (parts[0] === 'src' && parts.length > 2 ? `${parts[0]}/${parts[1] ?? ''}/` : module);
    const total = totals.get(group) ?? { bytes: 0, gzip: 0 };
    totals.set(group, { bytes: total.bytes + bytes, gzip: total.gzip + gzip });
  }
  return [...totals].map(([module, total]) => ({ module, ...total })).sort((a, b) => b.bytes - a.bytes);
}
