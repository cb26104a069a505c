/** One random key a `Blob`, for as long as the `Blob` lives. */
const keys = new WeakMap<Blob, string>();

const randomKey = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * The `Idempotency-Key` of an upload of `images`: the same `Blob`s, sent again after a
 * failure, give the same key; a new capture is a new `Blob`, so a new key.
 */
export function idempotencyKeyOf(images: readonly Blob[]): string {
  return images
    .map((image) => {
      let key = keys.get(image);
      if (key === undefined) {
        key = randomKey();
        keys.set(image, key);
      }
      return key;
    })
    .join('.');
}
