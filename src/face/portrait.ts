import type { FaceDetectorHandle } from './detector/handle.js';

/**
 * Regions searched when the whole image shows no face, as [x, y, width, height] fractions.
 * A card portrait is small: a crop enlarges it for the detector, which sees its input at
 * 128×128 and is trained on faces that fill a good part of the picture.
 */
const PORTRAIT_REGIONS: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 0.5, 1],
  [0.25, 0, 0.5, 1],
  [0.5, 0, 0.5, 1],
  [0, 0, 0.5, 0.6],
  [0, 0.4, 0.5, 0.6],
  [0.5, 0, 0.5, 0.6],
  [0.5, 0.4, 0.5, 0.6],
];

/**
 * Whether a captured document front (`idr`, `dlr`, `passport`) shows a face: every one of these
 * carries the holder's portrait, so a front without one is most likely the back, or not the
 * document. Uses the same detector as the selfie step; the image is not modified or closed.
 */
export async function frontHasPortrait(detector: FaceDetectorHandle, image: Blob | ImageBitmap): Promise<boolean> {
  const bitmap = image instanceof Blob ? await createImageBitmap(image) : image;
  try {
    if ((await detector.detect(bitmap)).length > 0) return true;
    for (const [x, y, width, height] of PORTRAIT_REGIONS) {
      const crop = await createImageBitmap(
        bitmap,
        Math.round(x * bitmap.width),
        Math.round(y * bitmap.height),
        Math.round(width * bitmap.width),
        Math.round(height * bitmap.height),
      );
      try {
        if ((await detector.detect(crop)).length > 0) return true;
      } finally {
        crop.close();
      }
    }
    return false;
  } finally {
    if (bitmap !== image) bitmap.close();
  }
}
