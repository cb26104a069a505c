import { trustedWorker } from '../../platform/trusted-types.js';

/** Starts the face worker; throws where workers are unavailable or refused (CSP, Trusted Types, origin). */
export function createFaceWorker(): Worker {
  const Worker = trustedWorker();
  return new Worker(new URL('./face-worker.ts', import.meta.url), { type: 'module' });
}
