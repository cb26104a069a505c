// Names the source line behind a long frame's script: the runner maps the script's URL and
// character offset through the built file's sourcemap.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalPosition, readSourceMap, type SourceMap } from '../../scripts/source-map.js';
import type { ScriptCause } from '../pages/main-thread.js';

export function causeNamer(distDir: string): (cause: ScriptCause | null) => string {
  const maps = new Map<string, { map: SourceMap; text: string } | null>();
  const load = (file: string): { map: SourceMap; text: string } | null => {
    if (!maps.has(file)) {
      const path = join(distDir, file);
      // The sourcemap names sources relative to where the file was built: dist/.
      maps.set(file, existsSync(`${path}.map`) ? { map: readSourceMap(path, '.', join('dist', file)), text: readFileSync(path, 'utf8') } : null);
    }
    return maps.get(file) ?? null;
  };
  return (cause) => {
    if (!cause) return '';
    const file = /\/dist\/([^?#]+)/.exec(cause.url)?.[1];
    const built = file ? load(file) : null;
    let where: string | null = null;
    if (built && cause.charPosition >= 0) {
      const before = built.text.slice(0, cause.charPosition).split('\n');
      where = originalPosition(built.map, before.length - 1, before.at(-1)?.length ?? 0);
    }
    const source = where ?? (cause.url === '' ? '(no script)' : cause.url.replace(/^https?:\/\/[^/]+/, ''));
    const forced = cause.forcedLayoutMs >= 1 ? `, ${Math.round(cause.forcedLayoutMs)} ms of it forced layout` : '';
    return `${cause.invoker} → ${source} (${Math.round(cause.durationMs)} ms${forced})`;
  };
}
