// Reads a generated file's sourcemap (`<file>.map`): which source each generated column comes
// from, and the original position of a generated one.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

interface RawSourceMap {
  sources: string[];
  mappings: string;
  sourceRoot?: string;
}

/** A mapped span start: generated column, and the source index (-1: none) with its 0-based line and column. */
export interface Segment {
  column: number;
  source: number;
  line: number;
  sourceColumn: number;
}

export interface SourceMap {
  /** Source paths relative to the project (e.g. `src/ekyc-flow.ts`, `node_modules/lit-html/lit-html.js`). */
  sources: string[];
  /** Segments of each generated line, by column. */
  lines: Segment[][];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one segment's base64 VLQ fields. */
function decodeFields(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/**
 * Reads and decodes `<file>.map`. Source paths are made relative to `projectRoot`; `builtAs` is
 * where the file was written (default: `file`), for a copy read from elsewhere.
 */
export function readSourceMap(file: string, projectRoot = '.', builtAs = file): SourceMap {
  const raw = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap;
  const root = resolve(dirname(builtAs), raw.sourceRoot ?? '');
  let source = 0;
  let line = 0;
  let sourceColumn = 0;
  const lines = raw.mappings.split(';').map((text) => {
    let column = 0;
    return text
      .split(',')
      .filter((segment) => segment !== '')
      .map((segment): Segment => {
        const [columnDelta = 0, sourceDelta, lineDelta = 0, sourceColumnDelta = 0] = decodeFields(segment);
        column += columnDelta;
        if (sourceDelta === undefined) return { column, source: -1, line: 0, sourceColumn: 0 };
        source += sourceDelta;
        line += lineDelta;
        sourceColumn += sourceColumnDelta;
        return { column, source, line, sourceColumn };
      });
  });
  return { sources: raw.sources.map((path) => relative(resolve(projectRoot), resolve(root, path))), lines };
}

/** `src/x.ts:12` for a 0-based generated line and column, or `null` where nothing maps. */
export function originalPosition(map: SourceMap, line: number, column: number): string | null {
  const segment = (map.lines[line] ?? []).findLast((candidate) => candidate.column <= column);
  if (!segment || segment.source < 0) return null;
  return `${map.sources[segment.source] ?? '?'}:${segment.line + 1}`;
}
