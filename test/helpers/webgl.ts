/**
 * Whether this engine's workers have WebGL, which MediaPipe needs to read a frame. Chromium's and
 * Firefox's do, as Safari's do since 17; WebKitGTK's do not, so the face detector runs on the page
 * there. Asked of a real worker, so that a test expects what the engine can do, not what it is.
 */
export function workersHaveWebgl(): Promise<boolean> {
  const source = "const c = new OffscreenCanvas(1, 1); postMessage((c.getContext('webgl2') ?? c.getContext('webgl')) !== null);";
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  return new Promise<boolean>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<boolean>) => resolve(event.data));
    worker.addEventListener('error', () => resolve(false));
  }).finally(() => {
    worker.terminate();
    URL.revokeObjectURL(url);
  });
}
