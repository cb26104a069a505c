// The server under fuzzing, in a process of its own so that a crash shows as an exit:
// prints its URL and a session id of user alice on the first line, then serves until killed.
import { startStack } from './ekyc-stack.js';

const stack = await startStack({
  limits: { bodyTimeoutMs: 1000, sessionsPerSubjectPerHour: 100_000, sessionsPerAddressPerHour: 100_000 },
});
const sessionId = await stack.session('alice');
console.log(JSON.stringify({ url: stack.url, sessionId }));
