import type { ReadableStreamReadResult } from 'node:stream/web';

/**
 * Reads a stream whole, failing with `tooLarge()` past `maxBytes`, or with what
 * `deadline` rejects with; the stream is cancelled on any failure.
 */
export async function readAll(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
  deadline?: Promise<never>,
): Promise<Buffer> {
  const reader: ReadableStreamDefaultReader<Uint8Array> = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next: Promise<ReadableStreamReadResult<Uint8Array>> = reader.read();
      const chunk: ReadableStreamReadResult<Uint8Array> = await (deadline ? Promise.race([next, deadline]) : next);
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk.value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  return Buffer.concat(chunks, size);
}
