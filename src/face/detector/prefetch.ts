import { faceAssetUrls } from './assets.js';

/** Reads a response to its end without keeping it: the bytes only go to the HTTP cache. */
async function drain(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  for (;;) if ((await reader.read()).done) return;
}

/**
 * Fetches the face detector's files into the browser's HTTP cache at low priority, two requests at a time at most
 * (the wasm; the model, then the wasm's loader), so that the detector a flow loads later finds them there. Nothing is
 * compiled or run. Stops when `signal` aborts; never rejects. Only useful where the host lets the browser cache them
 * (their names carry their content hash: `Cache-Control: public, max-age=31536000, immutable`).
 */
export async function prefetchFaceRuntime(assetsBase: string, signal: AbortSignal): Promise<void> {
  const urls = faceAssetUrls(assetsBase);
  const get = (url: string): Promise<void> => fetch(url, { priority: 'low', credentials: 'same-origin', signal }).then(drain);
  await Promise.all([get(urls.wasmBinary), get(urls.model).then(() => get(urls.wasmLoader))]).catch(() => undefined);
}
