/** Frames in a row whose analysis may fail before the loop gives up: a hiccup passes, a broken analyser does not. */
export const MAX_FAILED_FRAMES = 5;

export interface FrameLoopOptions {
  /** The least time from the start of one frame's analysis to the next. */
  minIntervalMs?: number;
  /**
   * The largest share of the time analysis may take (0–1): after a frame that took `d` ms, the next waits
   * until `d / maxBusyShare` ms after it began. For work on the page's own thread, which the preview and
   * every tap need too; a slower device then analyses fewer frames instead of freezing.
   */
  maxBusyShare?: number;
  /** Called once, and the loop stops, when `MAX_FAILED_FRAMES` frames in a row failed. */
  onFailed?(error: unknown): void;
}

/** When the next frame's analysis may begin, given when the last began and ended: see {@link FrameLoopOptions}. */
export function nextFrameDue(startedAt: number, finishedAt: number, options: FrameLoopOptions): number {
  const byInterval = startedAt + (options.minIntervalMs ?? 0);
  const share = options.maxBusyShare;
  const byShare = share !== undefined && share > 0 ? startedAt + (finishedAt - startedAt) / share : byInterval;
  return Math.max(byInterval, byShare);
}

/**
 * Calls `onFrame` for new video frames, one at a time: the next call waits
 * until the previous one has settled, so slow analysis drops frames instead of
 * queueing them. Uses `requestVideoFrameCallback` where the browser has it.
 */
export function startFrameLoop(
  video: HTMLVideoElement,
  onFrame: (now: number) => Promise<void> | void,
  options: FrameLoopOptions = {},
): () => void {
  let stopped = false;
  let due = 0;
  let handle = 0;
  let failures = 0;
  const hasVideoFrameCallback = 'requestVideoFrameCallback' in video;

  const schedule = (): void => {
    if (stopped) return;
    if (hasVideoFrameCallback) handle = video.requestVideoFrameCallback(tick);
    else handle = requestAnimationFrame(tick);
  };

  const failed = (error: unknown): void => {
    failures += 1;
    if (failures < MAX_FAILED_FRAMES || stopped) return;
    stopped = true;
    options.onFailed?.(error);
  };

  const tick = (now: number): void => {
    if (stopped) return;
    if (now < due || video.readyState < 2) {
      schedule();
      return;
    }
    const startedAt = performance.now();
    void Promise.resolve()
      .then(() => onFrame(now))
      .then(
        () => {
          failures = 0;
        },
        failed,
      )
      .finally(() => {
        due = nextFrameDue(startedAt, performance.now(), options);
        schedule();
      });
  };

  schedule();
  return () => {
    stopped = true;
    if (hasVideoFrameCallback) video.cancelVideoFrameCallback(handle);
    else cancelAnimationFrame(handle);
  };
}
