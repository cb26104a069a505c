import type { IntegritySignal } from './types.js';

/** What the track signals read of a `MediaStreamTrack`: the smallest surface, so that tests can describe one. */
export interface TrackLike {
  readonly kind: string;
  readonly label: string;
  getSettings(): MediaTrackSettings;
  getCapabilities?: () => MediaTrackCapabilities;
}

/** Largest values a camera of a phone or a computer gives today, with room to spare. */
const MAX_SIDE = 8192;
const MAX_FRAME_RATE = 240;

/** The track's settings; none when reading them throws (a script's stand-in). */
export function settingsOf(track: TrackLike | undefined): MediaTrackSettings {
  return track ? safely(() => track.getSettings(), {}) : {};
}

const constructorName = (track: object): string => (Object.getPrototypeOf(track) as { constructor?: { name?: string } } | null)?.constructor?.name ?? '';

/**
 * Why the track (of `stream`) is not a camera's: `canvas` (a canvas's `captureStream()`), `no-device-id` (a track
 * from a video element's `captureStream()` or another script's stream has none), `no-label` (a
 * granted camera always has one), `not-video`, `no-capabilities` (informative: older Firefox).
 */
export function syntheticTrackSignal(track: TrackLike, stream?: object): IntegritySignal {
  const reasons: string[] = [];
  // Chromium and WebKit mark a canvas's track; Firefox its stream (`CanvasCaptureMediaStream`).
  const canvasStream = stream !== undefined && (constructorName(stream) === 'CanvasCaptureMediaStream' || 'canvas' in stream);
  if (constructorName(track) === 'CanvasCaptureMediaStreamTrack' || 'canvas' in track || canvasStream) reasons.push('canvas');
  if (track.kind !== 'video') reasons.push('not-video');
  const settings = settingsOf(track);
  if (!settings.deviceId) reasons.push('no-device-id');
  if (track.label.trim() === '') reasons.push('no-label');
  const flagged = reasons.length > 0;
  if (typeof track.getCapabilities !== 'function') reasons.push('no-capabilities');
  return {
    name: 'synthetic-track',
    value: reasons.join(' '),
    why: 'A canvas or a video element can be captured as a stream and handed over as the camera; such a track has no device behind it.',
    flagged,
  };
}

/** Settings and capabilities a camera would not have: sizes or frame rates out of range, settings beyond the capabilities. */
export function implausibleCameraSignal(track: TrackLike): IntegritySignal {
  const settings = settingsOf(track);
  const capabilities = typeof track.getCapabilities === 'function' ? safely(track.getCapabilities.bind(track), {}) : {};
  const reasons: string[] = [];
  const { width, height, frameRate } = settings;
  if (!inRange(width, 1, MAX_SIDE) || !inRange(height, 1, MAX_SIDE)) reasons.push(`size ${width}x${height}`);
  if (frameRate !== undefined && !inRange(frameRate, 0.5, MAX_FRAME_RATE)) reasons.push(`frame rate ${frameRate}`);
  const beyond = (name: 'width' | 'height' | 'frameRate'): boolean => {
    const value = settings[name];
    const max = capabilities[name]?.max;
    return value !== undefined && max !== undefined && value > max + 1;
  };
  for (const name of ['width', 'height', 'frameRate'] as const) if (beyond(name)) reasons.push(`${name} above its capability`);
  if ((capabilities.width?.max ?? 0) > 4 * MAX_SIDE || (capabilities.frameRate?.max ?? 0) > 4 * MAX_FRAME_RATE) reasons.push('capabilities out of range');
  return {
    name: 'implausible-camera',
    value: reasons.join('; '),
    why: 'Software cameras report sizes and frame rates, or settings beyond their own capabilities, that no camera sensor has.',
    flagged: reasons.length > 0,
  };
}

const inRange = (value: number | undefined, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
