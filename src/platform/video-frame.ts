/**
 * A `VideoFrame` of what `source` shows now, to hand to a worker instead of copying pixels on
 * this thread: the current frame of a video (a handle on the decoder's or camera's buffer:
 * nothing is copied) or a clone of a `VideoFrame`. The caller owns it and must close or
 * transfer it. `null` where the browser has no `VideoFrame`, for any other source, when the
 * video has no frame yet, or when the frame's size is not the video's (a frame with rotation
 * metadata): then copy the pixels as before.
 */
export function videoFrameOf(source: CanvasImageSource | ImageData): VideoFrame | null {
  if (typeof VideoFrame !== 'function') return null;
  try {
    if (source instanceof VideoFrame) return source.clone();
    if (typeof HTMLVideoElement === 'undefined' || !(source instanceof HTMLVideoElement)) return null;
    const frame = new VideoFrame(source);
    if (frame.displayWidth === source.videoWidth && frame.displayHeight === source.videoHeight) return frame;
    frame.close();
    return null;
  } catch {
    return null;
  }
}
