/** One random key a `Blob`, for as long as the `Blob` lives. */
const keys = new WeakMap<Blob, string>();

/**
 * The `Idempotency-Key` of an upload of `images`: the same `Blob`s, sent again after a
 * failure, give the same key; a new capture is a new `Blob`, so a new key. (The element
 * runs in a secure context, where `crypto.randomUUID` exists.)
 */
export const idempotencyKeyOf = (images: readonly Blob[]): string =>
  images.map((image) => keys.get(image) ?? keys.set(image, crypto.randomUUID()).get(image)).join('.');
