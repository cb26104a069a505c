import type { WorkFailure } from './types.js';

/** A call that never reached the API (no connection, or the script that makes the calls did not load). */
export const unreachedFailure = (): WorkFailure => ({
  code: 'network',
  serverMessage: null,
  apiCode: null,
  status: null,
  completeSession: false,
});
