interface Waiting<T, C> {
  context: C;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/** The requests a worker has not answered yet, by id: each answer settles its own promise. */
export class PendingRequests<T, C = undefined> {
  private readonly waiting = new Map<number, Waiting<T, C>>();
  private nextId = 1;

  get size(): number {
    return this.waiting.size;
  }

  /** A new request: its id (to send along) and the promise its answer settles. */
  open(context: C): { id: number; answer: Promise<T> } {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { context, resolve, reject });
    });
    return { id, answer };
  }

  /** Settles request `id` (unknown ids are ignored: a request given up on). */
  settle(id: number, outcome: { value: T } | { error: Error }): void {
    const request = this.waiting.get(id);
    if (!request) return;
    this.waiting.delete(id);
    if ('value' in outcome) request.resolve(outcome.value);
    else request.reject(outcome.error);
  }

  /** Takes every waiting request out, for the caller to settle some other way. */
  drain(): Waiting<T, C>[] {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    return all;
  }

  /** Rejects every waiting request with `error`. */
  rejectAll(error: Error): void {
    for (const request of this.drain()) request.reject(error);
  }
}
