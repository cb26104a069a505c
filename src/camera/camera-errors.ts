export type CameraErrorCode = 'camera-denied' | 'camera-unavailable' | 'camera-busy' | 'camera-lost';

/** Maps a `getUserMedia` rejection to what the user can do about it. */
export function cameraErrorCode(error: unknown): CameraErrorCode {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'camera-denied';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'camera-busy';
    default:
      return 'camera-unavailable';
  }
}
