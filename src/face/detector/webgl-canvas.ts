/** A canvas MediaPipe can upload frames through; it needs WebGL (2, else 1) to read any image. */
export type WebglCanvas = HTMLCanvasElement | OffscreenCanvas;

/**
 * Gives the canvas's WebGL context back to the engine at once, whatever made it. Engines keep only a few live
 * contexts, and one left for the garbage collector holds its GPU memory until then: WebKit's page grew by one
 * for every detector made and closed (each new flow after a reset) until it crashed. Returns whether there was one.
 */
export function loseWebglContext(canvas: WebglCanvas): boolean {
  try {
    // A canvas answers only for the kind of context it already has; null for the other.
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (context && 'getExtension' in context) context.getExtension('WEBGL_lose_context')?.loseContext();
    return context !== null;
  } catch {
    return false;
  }
}

const hasWebgl = (canvas: WebglCanvas): boolean => loseWebglContext(canvas);

/**
 * A fresh canvas with WebGL for MediaPipe: an `OffscreenCanvas` where it has WebGL (workers and
 * pages of current engines), else a page's `<canvas>` (WebKitGTK, and Safari before 17, give
 * `OffscreenCanvas` no WebGL, though MediaPipe would pick it), else null: no WebGL on this
 * thread (a worker in those engines; a browser with WebGL off or blocklisted).
 */
export function webglCanvas(): WebglCanvas | null {
  // Each probe gets its own canvas: a canvas keeps the first kind of context it hands out.
  if (typeof OffscreenCanvas !== 'undefined' && hasWebgl(new OffscreenCanvas(1, 1))) return new OffscreenCanvas(1, 1);
  if (typeof document !== 'undefined' && hasWebgl(document.createElement('canvas'))) return document.createElement('canvas');
  return null;
}
