import { trustedScriptUrl } from '../../platform/trusted-types.js';

/** Starts the face worker; throws where workers are unavailable or refused (CSP, Trusted Types, origin). */
export function createFaceWorker(): Worker {
  // Named `Worker` on purpose: bundlers only bundle a worker written literally as
  // `new Worker(new URL('…', import.meta.url))`, and this subclass passes the URL through
  // the Trusted Types policy on the way.
  const Worker = class extends globalThis.Worker {
    constructor(url: URL, options: WorkerOptions) {
      super(trustedScriptUrl(url), options);
    }
  };
  return new Worker(new URL('./face-worker.ts', import.meta.url), { type: 'module' });
}
