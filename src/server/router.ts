import type { UploadRoute } from './rules.js';

/** What a request asks for, from its path alone. */
export type Route =
  | { name: 'health' }
  | { name: 'session' }
  | { name: 'upload'; upload: UploadRoute }
  | { name: 'result'; sessionId: string };

const METHODS: Record<Route['name'], string> = { health: 'GET', session: 'POST', upload: 'POST', result: 'GET' };

export const methodOf = (route: Route): string => METHODS[route.name];

/** The route of `pathname` under `basePath`; `null` for any other path. */
export function routeOf(pathname: string, basePath: string): Route | null {
  if (basePath !== '' && !pathname.startsWith(`${basePath}/`)) return null;
  const path = pathname.slice(basePath.length);
  switch (path) {
    case '/health':
      return { name: 'health' };
    case '/session':
      return { name: 'session' };
    case '/ocr':
      return { name: 'upload', upload: 'ocr' };
    case '/face/liveness':
      return { name: 'upload', upload: 'face' };
  }
  const result = /^\/session\/([^/]{1,128})\/result$/.exec(path);
  return result?.[1] ? { name: 'result', sessionId: result[1] } : null;
}
