import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from '../platform/scheduling.js';

/** What the element reads of the Network Information API (Chromium-based browsers have it; Firefox and Safari do not). */
export interface ConnectionHints {
  saveData?: boolean;
  effectiveType?: string;
}

/** Whether the browser asks pages to spare data: its data saver is on (Save-Data), or its link is 2G. */
export function sparesData(connection?: ConnectionHints): boolean {
  return connection?.saveData === true || /2g$/.test(connection?.effectiveType ?? '');
}

export interface PrefetchOptions {
  /** Whether fetching ahead is still wanted: the intro waits, and the host has not turned it off. */
  wanted(): boolean;
  /** What to fetch, in order, each once the one before has arrived and while `wanted()` holds. */
  steps: readonly ((signal: AbortSignal) => Promise<unknown>)[];
}

/**
 * Fetches what the flow will need while the intro waits: once the page is idle after the element arrives, one step
 * after another, unless the browser asks to spare data (`sparesData`). Stops when the element leaves the page.
 */
export class PrefetchController implements ReactiveController {
  private readonly options: PrefetchOptions;
  private aborter: AbortController | null = null;

  constructor(host: ReactiveControllerHost, options: PrefetchOptions) {
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.aborter?.abort();
    const { signal } = (this.aborter = new AbortController());
    const go = (): boolean =>
      !signal.aborted && this.options.wanted() && !sparesData((navigator as { connection?: ConnectionHints }).connection);
    void whenIdle()
      .then(async () => {
        for (const step of this.options.steps) if (go()) await step(signal);
      })
      .catch(() => undefined);
  }

  hostDisconnected(): void {
    this.aborter?.abort();
    this.aborter = null;
  }
}
