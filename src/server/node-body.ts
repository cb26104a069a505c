import type { IncomingMessage } from 'node:http';

/**
 * A Node request's body as a web stream that pauses the socket instead of destroying it when not read,
 * and that can be let go of once the answer is written: from then on what arrives is dropped, and
 * Node's parser reads on to the end of the body (and to the next request on the connection).
 */
export class NodeRequestBody {
  readonly stream: ReadableStream<Uint8Array>;
  /** Bytes of the body received so far, passed on or dropped. */
  received = 0;
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private paused = false;
  private abandoned = false;

  constructor(private readonly req: IncomingMessage) {
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
          req.on('data', this.onData);
          req.once('end', () => this.settle((open) => open.close()));
          req.once('error', (error) => this.settle((open) => open.error(error)));
          req.once('aborted', () => this.settle((open) => open.error(new Error('The client went away.'))));
        },
        pull: () => {
          if (this.paused && !this.abandoned) {
            this.paused = false;
            req.resume();
          }
        },
        cancel: () => {
          // Nobody reads on: what is left stays on the wire until the answer decides its fate.
          this.controller = null;
          req.removeListener('data', this.onData);
          if (!this.abandoned) req.pause();
        },
      },
      { highWaterMark: 4 },
    );
  }

  /** Whether the whole body has been received (read or not). */
  get complete(): boolean {
    return this.req.complete;
  }

  /**
   * Stops passing the body on: what is buffered and what still arrives is dropped; `dropped` hears how
   * many bytes have been dropped so far, each time more arrive.
   */
  abandon(dropped?: (bytes: number) => void): void {
    if (this.abandoned) return;
    this.abandoned = true;
    this.req.removeListener('data', this.onData);
    let total = 0;
    this.req.on('data', (chunk: Buffer) => {
      this.received += chunk.byteLength;
      total += chunk.byteLength;
      dropped?.(total);
    });
    this.settle((open) => open.error(new Error('The body was not read.')));
    this.req.resume();
  }

  private readonly onData = (chunk: Buffer): void => {
    this.received += chunk.byteLength;
    const controller = this.controller;
    if (!controller) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) {
      this.paused = true;
      this.req.pause();
    }
  };

  /** Ends the stream once, however many of end, error, abort and abandon come. */
  private settle(end: (controller: ReadableStreamDefaultController<Uint8Array>) => void): void {
    const controller = this.controller;
    this.controller = null;
    if (!controller) return;
    try {
      end(controller);
    } catch {
      // Already ended from the reader's side.
    }
  }
}
