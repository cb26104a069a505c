export type Facing = 'environment' | 'user';

/** What we know of one video input, from its label and its capabilities. */
export interface CameraCandidate {
  deviceId: string;
  label: string;
  facingModes: readonly string[];
  maxWidth: number;
  maxHeight: number;
  continuousFocus: boolean;
}

const INFRARED = /infra-?red|\bir\b|depth|windows hello/i;
const REAR = /back|rear|environment|world/i;
const FRONT = /front|user|face ?time|selfie/i;
/** Extra rear lenses that make document photos worse: wide angles cannot focus close, telephotos need distance. */
const SECONDARY_LENS = /ultra ?wide|wide[- ]?angle|tele|macro|depth|virtual|desk ?view/i;

function facingOf(candidate: CameraCandidate): Facing | null {
  if (candidate.facingModes.includes('environment')) return 'environment';
  if (candidate.facingModes.includes('user')) return 'user';
  if (REAR.test(candidate.label)) return 'environment';
  if (FRONT.test(candidate.label)) return 'user';
  return null;
}

/** How suitable a camera is for `facing`; `null` when it must never be used. */
export function scoreCamera(candidate: CameraCandidate, facing: Facing): number | null {
  if (INFRARED.test(candidate.label)) return null;
  const candidateFacing = facingOf(candidate);
  let score = 0;
  if (candidateFacing === facing) score += 100;
  else if (candidateFacing !== null) score -= 100;
  if (facing === 'environment') {
    if (candidate.continuousFocus) score += 20;
    if (SECONDARY_LENS.test(candidate.label)) score -= 40;
    // Android lists the main lens of each side first ("camera2 0, facing back").
    if (/\b0\b/.test(candidate.label)) score += 5;
  }
  score += Math.min(candidate.maxWidth * candidate.maxHeight, 3840 * 2160) / 1_000_000;
  return score;
}

/** The best camera for `facing`, never an infrared one; `null` when nothing fits. */
export function chooseCamera(candidates: readonly CameraCandidate[], facing: Facing): string | null {
  let best: { id: string; score: number } | null = null;
  for (const candidate of candidates) {
    const score = scoreCamera(candidate, facing);
    if (score === null) continue;
    if (!best || score > best.score) best = { id: candidate.deviceId, score };
  }
  return best?.id ?? null;
}

/** Reads a device's capabilities where the browser exposes them (`InputDeviceInfo.getCapabilities`). */
export function candidateOf(device: MediaDeviceInfo): CameraCandidate {
  const withCapabilities = device as MediaDeviceInfo & { getCapabilities?: () => MediaTrackCapabilities };
  const capabilities = withCapabilities.getCapabilities?.() ?? {};
  const focus = (capabilities as { focusMode?: string[] }).focusMode ?? [];
  return {
    deviceId: device.deviceId,
    label: device.label,
    facingModes: capabilities.facingMode ?? [],
    maxWidth: capabilities.width?.max ?? 0,
    maxHeight: capabilities.height?.max ?? 0,
    continuousFocus: focus.includes('continuous'),
  };
}
