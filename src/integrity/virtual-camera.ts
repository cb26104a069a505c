import type { IntegritySignal } from './types.js';

/**
 * Names of virtual cameras, capture tools and emulators as their drivers label themselves. A word
 * boundary where a short name could be part of an ordinary word ("obs" in "jobs").
 */
const VIRTUAL_CAMERA_LABELS: readonly RegExp[] = [
  /\bobs\b/i,
  /manycam/i,
  /snap ?camera/i,
  /xsplit/i,
  /\bvirtual\b/i,
  /droidcam/i,
  /epoccam/i,
  /iriun/i,
  /camtwist/i,
  /e2esoft|\bvcam\b/i,
  /splitcam/i,
  /\bndi\b/i,
  /\bcamo\b/i,
  /mmhmm/i,
  /\bfake/i,
  /\bemulated\b/i,
  /goldfish/i,
  /ranchu/i,
  /android sdk/i,
  /\bmock\b/i,
];

/** The camera's labels (the track's, the device list's) against known virtual cameras and emulators. */
export function virtualCameraSignal(...labels: string[]): IntegritySignal {
  const known = [...new Set(labels.map((label) => label.trim()).filter(Boolean))];
  return {
    name: 'virtual-camera',
    value: known.join(' | ').slice(0, 120),
    why: 'Virtual cameras (OBS, ManyCam, Snap Camera…) and emulators feed any video as a camera; their drivers name themselves.',
    flagged: known.some((label) => VIRTUAL_CAMERA_LABELS.some((pattern) => pattern.test(label))),
  };
}
