/**
 * Which `<video>` shows which camera stream, so that a stream leaves its previews before its tracks stop.
 * WebKitGTK deadlocks when the tracks of a stream a `<video>` still plays are stopped: the page's thread
 * waits for the video sink's lock while the sink waits for the page's thread to draw its frame, and the
 * page never answers again. Detached first, the player is torn down by its own path, which lets the sink go.
 */
const previews = new Map<MediaStream, Set<HTMLVideoElement>>();

/** Shows `stream` (or nothing) in `video`. */
export function showStream(video: HTMLVideoElement, stream: MediaStream | null): void {
  const shown = video.srcObject;
  if (shown === stream) return;
  if (shown instanceof MediaStream) forget(shown, video);
  video.srcObject = stream;
  if (!stream) return;
  const videos = previews.get(stream) ?? new Set<HTMLVideoElement>();
  videos.add(video);
  previews.set(stream, videos);
}

/** Takes `stream` out of every preview that shows it: call before stopping its tracks. */
export function releasePreviews(stream: MediaStream): void {
  for (const video of previews.get(stream) ?? []) {
    if (video.srcObject !== stream) continue;
    video.pause();
    video.srcObject = null;
  }
  previews.delete(stream);
}

function forget(stream: MediaStream, video: HTMLVideoElement): void {
  const videos = previews.get(stream);
  videos?.delete(video);
  if (videos?.size === 0) previews.delete(stream);
}
