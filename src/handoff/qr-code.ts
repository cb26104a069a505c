/**
 * Draws `text` as a QR code on `canvas`, one pixel a module with a quiet zone of four (CSS scales it up,
 * `image-rendering: pixelated`). The encoder (lean-qr's nano build, about 2 kB gzip) loads here, the
 * first time a code is drawn: never in the element's first bundle.
 */
export async function drawQrCode(canvas: HTMLCanvasElement, text: string): Promise<void> {
  const { generate } = await import('lean-qr/nano');
  generate(text).toCanvas(canvas, { on: [0, 0, 0, 255], off: [255, 255, 255, 255] });
}
