/** Answers the emulator can be told to give instead of the normal one. */
export const EMULATOR_FAULTS = [
  // API-level answers of DESIGN §1.2–1.3
  'session-expired',
  'document-not-found',
  'document-expired',
  'document-invalid',
  'face-mismatch',
  'face-mismatch-final',
  'multiple-faces',
  'selfie-invalid',
  'unknown-code',
  // face answers with code 200 whose results do not pass: each verdict branch of a server
  'not-live',
  'needs-review',
  'deepfake',
  'low-similarity',
  // transport-level faults
  'network',
  'timeout',
  'http-500',
  'http-502',
  'http-503',
  'html',
  'malformed-json',
  'truncated-json',
] as const;

export type EmulatorFault = (typeof EMULATOR_FAULTS)[number];

export type EmulatorEndpoint = 'init' | 'ocr' | 'face';

export const ENDPOINT_PATHS: Record<EmulatorEndpoint, string> = {
  init: '/session/init',
  ocr: '/ocr',
  face: '/face/liveness',
};

/** Which endpoints a fault makes sense for. */
export function faultApplies(fault: EmulatorFault, endpoint: EmulatorEndpoint): boolean {
  switch (fault) {
    case 'document-not-found':
    case 'document-expired':
    case 'document-invalid':
      return endpoint === 'ocr';
    case 'face-mismatch':
    case 'face-mismatch-final':
    case 'multiple-faces':
    case 'selfie-invalid':
    case 'not-live':
    case 'needs-review':
    case 'deepfake':
    case 'low-similarity':
      return endpoint === 'face';
    case 'session-expired':
    case 'unknown-code':
      return endpoint !== 'init';
    default:
      return true;
  }
}
