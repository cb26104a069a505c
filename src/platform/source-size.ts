/**
 * The size in pixels of anything a frame or an image can come from: a video (its frame size, not its box), an
 * image, a `VideoFrame`, a bitmap, a canvas, `ImageData`. No DOM class is named, so that workers can use it too.
 */
export function sourceSize(source: CanvasImageSource | ImageData): { width: number; height: number } {
  if ('videoWidth' in source) return { width: source.videoWidth, height: source.videoHeight };
  if ('naturalWidth' in source) return { width: source.naturalWidth, height: source.naturalHeight };
  if ('displayWidth' in source) return { width: source.displayWidth, height: source.displayHeight };
  const { width, height } = source;
  const length = (value: number | SVGAnimatedLength): number => (typeof value === 'number' ? value : value.baseVal.value);
  return { width: length(width), height: length(height) };
}
