import type { UploadRoute } from './rules.js';

/** What a request asks for, from its path alone. */
export type Route =
  | { name: 'health' }
  | { name: 'session' }
  | { name: 'upload'; upload: UploadRoute }
  | { name: 'result'; sessionId: string }
  | { name: 'handoff' }
  | { name: 'handoff-claim' | 'handoff-progress' | 'handoff-events'; token: string };

const METHODS: Record<Route['name'], string> = {
  health: 'GET',
  session: 'POST',
  upload: 'POST',
  result: 'GET',
  handoff: 'POST',
  'handoff-claim': 'POST',
  'handoff-progress': 'POST',
  'handoff-events': 'GET',
};

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
    case '/handoff':
      return { name: 'handoff' };
  }
  // The token stays out of the route's name: logs name routes, never their tokens.
  const handoff = /^\/handoff\/([^/]{1,128})\/(claim|progress|events)$/.exec(path);
  if (handoff?.[1] && handoff[2]) return { name: `handoff-${handoff[2] as 'claim' | 'progress' | 'events'}`, token: handoff[1] };
  const result = /^\/session\/([^/]{1,128})\/result$/.exec(path);
  return result?.[1] ? { name: 'result', sessionId: result[1] } : null;
}
