/** Frames in a row whose analysis may fail before the loop gives up: a hiccup passes, a broken analyser does not. */
export const MAX_FAILED_FRAMES = 5;

export interface FrameLoopOptions {
  minIntervalMs?: number;
  /** Called once, and the loop stops, when `MAX_FAILED_FRAMES` frames in a row failed. */
  onFailed?(error: unknown): void;
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
  let last = 0;
  let handle = 0;
  let failures = 0;
  const minInterval = options.minIntervalMs ?? 0;
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
    if (now - last < minInterval || video.readyState < 2) {
      schedule();
      return;
    }
    last = now;
    void Promise.resolve()
      .then(() => onFrame(now))
      .then(
        () => {
          failures = 0;
        },
        failed,
      )
      .finally(schedule);
  };

  schedule();
  return () => {
    stopped = true;
    if (hasVideoFrameCallback) video.cancelVideoFrameCallback(handle);
    else cancelAnimationFrame(handle);
  };
}
