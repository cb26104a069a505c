/** A document photo's longest side: the text of an ID card stays legible; larger adds bytes, not accuracy. */
export const CAPTURE_LONG_SIDE = 1600;

/** A selfie's longest side: the face fills the oval, and the API sees it at a fraction of this. */
export const SELFIE_LONG_SIDE = 1280;

/** Upper bound of a photo's JPEG size. */
export const CAPTURE_MAX_BYTES = 500_000;
