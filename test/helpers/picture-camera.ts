/**
 * A camera that films one still picture, for the engines that cannot play a video file as their
 * fake camera (Firefox and WebKit; Chromium plays the same picture as a `.y4m` file). The test
 * runner installs it in front of the test of a `*.<name>.camera.test.ts` file, showing
 * `test/fixtures/camera/<name>.jpg`; it is never part of the product.
 *
 * It stands where the browser's own camera stands, on `MediaDevices.prototype`, so that a test's
 * own fakes (own properties of `navigator.mediaDevices`) still shadow it and their undo brings it
 * back. It behaves as a laptop's single webcam does: one `videoinput` (labelled once a stream has
 * been granted), frames at the picture's own size whatever size is asked for, `getSettings()`,
 * `getCapabilities()` and `getConstraints()` that say so, and `OverconstrainedError` for what it
 * cannot be: another `deviceId`, an exact `facingMode` (a webcam reports none), an exact or
 * minimum size it does not have. A stopped track ends without an `ended` event, as real ones do.
 */

const FRAME_RATE = 15;

/** What every picture camera films from now on, in place of its own picture (`showPicture`). */
let shown: ImageBitmap | null = null;

interface PictureDevice {
  deviceId: string;
  groupId: string;
  label: string;
  width: number;
  height: number;
}

type Range = { min?: number; max?: number; exact?: number; ideal?: number };

function overconstrained(constraint: string, message: string): Error {
  const Constructor = (globalThis as { OverconstrainedError?: new (constraint: string, message?: string) => Error }).OverconstrainedError;
  if (typeof Constructor === 'function') {
    try {
      return new Constructor(constraint, message);
    } catch {
      // an engine whose OverconstrainedError cannot be constructed from script
    }
  }
  const error = new DOMException(message, 'OverconstrainedError');
  Object.defineProperty(error, 'constraint', { value: constraint });
  return error;
}

const asRange = (value: ConstrainULong | undefined): Range =>
  typeof value === 'number' ? { ideal: value } : (value ?? {});

const exactOf = (value: ConstrainDOMString | undefined): string[] | null => {
  if (value === undefined || typeof value === 'string' || Array.isArray(value)) return null;
  const exact = (value as { exact?: string | string[] }).exact;
  if (exact === undefined) return null;
  return Array.isArray(exact) ? exact : [exact];
};

/** The first constraint `video` asks for that `device` cannot meet, or null. */
function unmet(device: PictureDevice, video: MediaTrackConstraintSet): string | null {
  const ids = exactOf(video.deviceId);
  if (ids && !ids.includes(device.deviceId)) return 'deviceId';
  if (exactOf(video.facingMode)) return 'facingMode';
  for (const [name, size] of [
    ['width', device.width],
    ['height', device.height],
  ] as const) {
    const range = asRange(video[name]);
    if (range.exact !== undefined && range.exact !== size) return name;
    if (range.min !== undefined && range.min > size) return name;
    if (range.max !== undefined && range.max < size) return name;
  }
  return null;
}

function checkConstraints(device: PictureDevice, video: MediaTrackConstraints): void {
  const constraint = unmet(device, video);
  if (constraint) throw overconstrained(constraint, `The camera cannot satisfy the ${constraint} constraint.`);
}

async function deviceOf(url: string): Promise<{ device: PictureDevice; picture: ImageBitmap }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`picture camera: ${url} answered ${response.status}`);
  const picture = await createImageBitmap(await response.blob());
  const name = url.split('/').pop() ?? url;
  return {
    picture,
    device: {
      deviceId: `picture-camera-${name}`,
      groupId: 'picture-camera',
      label: `Picture camera (${name})`,
      // Cameras send 4:2:0 frames, whose sides are even: the picture is cut as Chromium's .y4m copy of it is.
      width: picture.width - (picture.width % 2),
      height: picture.height - (picture.height % 2),
    },
  };
}

/** A live stream of `picture`, redrawn at the frame rate (a canvas stream sends frames only when drawn on). */
function filming(picture: ImageBitmap, device: PictureDevice, constraints: MediaTrackConstraints): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = device.width;
  canvas.height = device.height;
  const context = canvas.getContext('2d');
  if (!context) throw new DOMException('no 2D canvas', 'NotReadableError');
  const stream = canvas.captureStream(FRAME_RATE);
  const track = stream.getVideoTracks()[0];
  if (!track) throw new DOMException('no video track', 'NotReadableError');
  const draw = (): void => {
    if (shown) context.drawImage(shown, 0, 0, canvas.width, canvas.height);
    else context.drawImage(picture, 0, 0);
  };
  draw();
  const timer = setInterval(() => {
    if (track.readyState === 'ended') clearInterval(timer);
    else draw();
  }, 1000 / FRAME_RATE);
  dressAsCamera(track, device, constraints);
  return stream;
}

/** Gives a canvas track the label, settings, capabilities and constraints of `device`. */
export function dressAsCamera(track: MediaStreamTrack, device: PictureDevice, initial: MediaTrackConstraints): void {
  let constraints = initial;
  Object.defineProperties(track, {
    label: { configurable: true, get: () => device.label },
    getSettings: {
      configurable: true,
      value: (): MediaTrackSettings => ({
        deviceId: device.deviceId,
        groupId: device.groupId,
        width: device.width,
        height: device.height,
        aspectRatio: device.width / device.height,
        frameRate: FRAME_RATE,
      }),
    },
    getCapabilities: {
      configurable: true,
      value: (): MediaTrackCapabilities => ({
        deviceId: device.deviceId,
        groupId: device.groupId,
        width: { min: device.width, max: device.width },
        height: { min: device.height, max: device.height },
        aspectRatio: { min: device.width / device.height, max: device.width / device.height },
        frameRate: { min: 1, max: FRAME_RATE },
        facingMode: [],
      }),
    },
    getConstraints: { configurable: true, value: (): MediaTrackConstraints => constraints },
    applyConstraints: {
      configurable: true,
      value: (next: MediaTrackConstraints = {}): Promise<void> => {
        try {
          // Advanced sets (torch, focus…) the camera cannot meet are skipped, as the spec says: never a failure.
          checkConstraints(device, next);
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        constraints = next;
        return Promise.resolve();
      },
    },
    clone: {
      configurable: true,
      value: (): MediaStreamTrack => {
        const copy = MediaStreamTrack.prototype.clone.call(track);
        dressAsCamera(copy, device, constraints);
        return copy;
      },
    },
  });
}

/**
 * Makes every picture camera, its live streams included, film the picture at `url` (stretched to its own
 * size) instead of its own: a scene change in front of the same camera.
 */
export async function showPicture(url: string): Promise<void> {
  const next = (await deviceOf(url)).picture;
  shown?.close();
  shown = next;
}

/**
 * Makes `getUserMedia` film the picture at `url`, and `enumerateDevices` list that one camera.
 * Audio is refused with `NotFoundError`: the picture camera has no microphone.
 */
export async function installPictureCamera(url: string): Promise<void> {
  const { device, picture } = await deviceOf(url);
  let granted = false;
  const prototype = MediaDevices.prototype;

  prototype.getUserMedia = function getUserMedia(constraints?: MediaStreamConstraints): Promise<MediaStream> {
    if (!constraints || (!constraints.video && !constraints.audio)) {
      return Promise.reject(new TypeError('getUserMedia: at least one of audio and video is required'));
    }
    if (constraints.audio) return Promise.reject(new DOMException('The picture camera has no microphone.', 'NotFoundError'));
    const video = typeof constraints.video === 'object' ? constraints.video : {};
    try {
      checkConstraints(device, video);
      const stream = filming(picture, device, video);
      granted = true;
      return Promise.resolve(stream);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  prototype.enumerateDevices = function enumerateDevices(): Promise<MediaDeviceInfo[]> {
    // Before permission, a browser hides labels (and, in some, ids).
    const info = {
      deviceId: device.deviceId,
      groupId: device.groupId,
      kind: 'videoinput' as const,
      label: granted ? device.label : '',
      getCapabilities: () => ({
        deviceId: device.deviceId,
        groupId: device.groupId,
        width: { min: device.width, max: device.width },
        height: { min: device.height, max: device.height },
        facingMode: [],
      }),
      toJSON() {
        return { deviceId: this.deviceId, groupId: this.groupId, kind: this.kind, label: this.label };
      },
    };
    return Promise.resolve([info as unknown as MediaDeviceInfo]);
  };
}
