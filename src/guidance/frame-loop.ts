/**
 * Calls `onFrame` for new video frames, one at a time: the next call waits
 * until the previous one has settled, so slow analysis drops frames instead of
 * queueing them. Uses `requestVideoFrameCallback` where the browser has it.
 */
export function startFrameLoop(
  video: HTMLVideoElement,
  onFrame: (now: number) => Promise<void> | void,
  options: { minIntervalMs?: number } = {},
): () => void {
  let stopped = false;
  let last = 0;
  let handle = 0;
  const minInterval = options.minIntervalMs ?? 0;
  const hasVideoFrameCallback = 'requestVideoFrameCallback' in video;

  const schedule = (): void => {
    if (stopped) return;
    if (hasVideoFrameCallback) handle = video.requestVideoFrameCallback(tick);
    else handle = requestAnimationFrame(tick);
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
      .catch(() => undefined)
      .finally(schedule);
  };

  schedule();
  return () => {
    stopped = true;
    if (hasVideoFrameCallback) video.cancelVideoFrameCallback(handle);
    else cancelAnimationFrame(handle);
  };
}
