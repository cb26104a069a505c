// One instance of ekyc-flow/server in a process of its own, on the Redis and in front of the API
// named by its arguments (redis URL, key prefix, API base, limits as JSON): prints its URL on the
// first line, then serves until killed.
import { createEkycServer, createRedisStore, type EkycLimits } from '../../../src/server/index.js';
import { bearerLogin, KEY } from './ekyc-stack.js';

const [url = '', prefix = '', apiBase = '', limits = '{}'] = process.argv.slice(2);
const server = createEkycServer({
  apiKey: KEY,
  apiBase,
  allowedOrigins: ['http://shop.example'],
  authorize: bearerLogin,
  store: await createRedisStore({ url, prefix }),
  limits: JSON.parse(limits) as Partial<EkycLimits>,
});
const listening = await server.listen();
console.log(listening.url);
