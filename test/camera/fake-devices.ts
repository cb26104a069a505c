/** A camera the fake devices list: what `enumerateDevices` and the opened track say of it. */
export interface FakeCamera {
  deviceId: string;
  label: string;
  facingMode: 'environment' | 'user';
  maxWidth: number;
  focusModes?: string[];
  torch?: boolean;
}

export interface FakeDevices {
  mediaDevices: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;
  /** The constraints of every `getUserMedia` call, in order. */
  requests: MediaTrackConstraints[];
  /** The device each opened stream came from, and its tracks. */
  opened: { deviceId: string; track: MediaStreamTrack }[];
  /** The `advanced` constraint sets applied to opened tracks (torch on/off). */
  applied: MediaTrackConstraintSet[];
  /** Puts them on `navigator.mediaDevices`, as the element uses them; returns the undo. */
  install(): () => void;
}

function matches(camera: FakeCamera, video: MediaTrackConstraints): boolean {
  const deviceId = video.deviceId;
  if (deviceId && typeof deviceId === 'object' && 'exact' in deviceId) return deviceId.exact === camera.deviceId;
  const facing = video.facingMode;
  const wanted = facing && typeof facing === 'object' && 'ideal' in facing ? facing.ideal : facing;
  return wanted === undefined || wanted === camera.facingMode;
}

/**
 * Cameras as a phone or a laptop lists them, each opened as a real stream (a canvas's) whose
 * track reports that camera's id and capabilities. Without an exact `deviceId`, the first
 * listed camera of the facing asked for opens, as browsers do; it need not be the main lens.
 */
export function fakeDevices(cameras: FakeCamera[]): FakeDevices {
  const requests: MediaTrackConstraints[] = [];
  const opened: FakeDevices['opened'] = [];
  const applied: MediaTrackConstraintSet[] = [];
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d');
  // A canvas stream delivers frames only when the canvas is drawn on: keep drawing while a track is live.
  let frame = 0;
  const draw = (): void => {
    if (!opened.some(({ track }) => track.readyState === 'live')) return;
    frame += 1;
    if (context) {
      context.fillStyle = frame % 2 === 0 ? '#446' : '#447';
      context.fillRect(0, 0, canvas.width, canvas.height);
    }
    setTimeout(draw, 66);
  };

  const capabilitiesOf = (camera: FakeCamera): MediaTrackCapabilities & { torch?: boolean; focusMode?: string[] } => ({
    deviceId: camera.deviceId,
    facingMode: [camera.facingMode],
    width: { min: 1, max: camera.maxWidth },
    height: { min: 1, max: Math.round((camera.maxWidth * 3) / 4) },
    focusMode: camera.focusModes ?? [],
    ...(camera.torch ? { torch: true } : {}),
  });

  const mediaDevices: FakeDevices['mediaDevices'] = {
    getUserMedia(constraints?: MediaStreamConstraints): Promise<MediaStream> {
      const video = typeof constraints?.video === 'object' ? constraints.video : {};
      requests.push(video);
      // `ideal` is a preference: a browser opens some camera even when none faces that way.
      const camera = cameras.find((candidate) => matches(candidate, video)) ?? (video.deviceId ? undefined : cameras[0]);
      if (!camera) return Promise.reject(new DOMException('no such camera', 'OverconstrainedError'));
      const stream = canvas.captureStream(15);
      const track = stream.getVideoTracks()[0];
      if (!track) return Promise.reject(new DOMException('no track', 'NotReadableError'));
      const settings = track.getSettings();
      Object.assign(track, {
        getSettings: (): MediaTrackSettings => ({ ...settings, deviceId: camera.deviceId, facingMode: camera.facingMode }),
        getCapabilities: () => capabilitiesOf(camera),
        applyConstraints: (set?: MediaTrackConstraints): Promise<void> => {
          applied.push(...(set?.advanced ?? []));
          return Promise.resolve();
        },
      });
      opened.push({ deviceId: camera.deviceId, track });
      if (opened.filter((entry) => entry.track.readyState === 'live').length === 1) draw();
      return Promise.resolve(stream);
    },
    enumerateDevices(): Promise<MediaDeviceInfo[]> {
      return Promise.resolve(
        cameras.map(
          (camera) =>
            ({
              deviceId: camera.deviceId,
              groupId: 'group',
              kind: 'videoinput',
              label: camera.label,
              getCapabilities: () => capabilitiesOf(camera),
              toJSON: () => ({}),
            }) as unknown as MediaDeviceInfo,
        ),
      );
    },
  };

  return {
    mediaDevices,
    requests,
    opened,
    applied,
    install() {
      const real = navigator.mediaDevices;
      real.getUserMedia = mediaDevices.getUserMedia.bind(mediaDevices);
      real.enumerateDevices = mediaDevices.enumerateDevices.bind(mediaDevices);
      return () => {
        // The fakes are own properties over the prototype's methods: removing them brings the browser's back.
        Reflect.deleteProperty(real, 'getUserMedia');
        Reflect.deleteProperty(real, 'enumerateDevices');
      };
    },
  };
}

/** A phone: an ultra-wide listed before the main rear lens, a telephoto, a front camera. */
export const PHONE: FakeCamera[] = [
  { deviceId: 'rear-wide', label: 'camera2 2, facing back (ultra wide)', facingMode: 'environment', maxWidth: 4000 },
  { deviceId: 'rear-main', label: 'camera2 0, facing back', facingMode: 'environment', maxWidth: 4000, focusModes: ['continuous', 'manual'], torch: true },
  { deviceId: 'rear-tele', label: 'camera2 3, facing back (telephoto)', facingMode: 'environment', maxWidth: 3000, focusModes: ['continuous'] },
  { deviceId: 'front', label: 'camera2 1, facing front', facingMode: 'user', maxWidth: 2560 },
];

/** A laptop: an infrared camera (for face unlock) listed first, then the real one. */
export const LAPTOP: FakeCamera[] = [
  { deviceId: 'ir', label: 'Integrated IR Camera', facingMode: 'user', maxWidth: 640 },
  { deviceId: 'webcam', label: 'Integrated Camera', facingMode: 'user', maxWidth: 1280 },
];
