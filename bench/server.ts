// `npm run bench:server [-- --flows 200]`: complete flows (session, front, back, selfie, result)
// at once through ekyc-flow/server in front of the emulator's Node server, with the store in
// memory and then in a real Redis (started here). The driver, the server and the emulator each
// run in a process of their own. Prints throughput, latency, errors and the server's memory
// before and after, and on Redis the p99 of one upload through the server against the emulator
// called directly (the ratio is the server's overhead). Measures, asserts nothing.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startRedis } from '../scripts/redis-process.js';
import { percentile } from './lib/stats.js';
import { measureUploadOverhead } from './lib/upload-overhead.js';
import { formatBytes, formatMs, table, type Cell } from './lib/table.js';

const { values } = parseArgs({ options: { flows: { type: 'string', default: '200' }, 'image-kb': { type: 'string', default: '150' } } });
const FLOWS = Number(values.flows);
const IMAGE_BYTES = Number(values['image-kb']) * 1000;
const KEY = 'bench-key';
const log = (message: string): void => void process.stderr.write(`${message}\n`);

/** A JPEG-shaped upload of about the size the element sends (made once a kind: the driver has little CPU to spare). */
const images = new Map<number, Blob>();
function image(seed: number): Blob {
  const made = images.get(seed);
  if (made) return made;
  const bytes = new Uint8Array(IMAGE_BYTES);
  for (let index = 0; index < bytes.length; index++) bytes[index] = (index * 31 + seed) & 0xff;
  // A 1600×1200 baseline frame header, as the element's photos carry: the server reads it.
  bytes.set([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x04, 0xb0, 0x06, 0x40, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  bytes.set([0xff, 0xd9], bytes.length - 2);
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  images.set(seed, blob);
  return blob;
}

interface FlowOutcome {
  ms: number;
  requestMs: number[];
  error: string | null;
  status: string | null;
}

async function runFlow(url: string, user: number): Promise<FlowOutcome> {
  const started = performance.now();
  const requestMs: number[] = [];
  const auth = { authorization: `Bearer bench-user-${user}` };
  const call = async (path: string, init: RequestInit): Promise<Record<string, unknown>> => {
    const begun = performance.now();
    const response = await fetch(`${url}${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
    const body = (await response.json()) as Record<string, unknown>;
    requestMs.push(performance.now() - begun);
    if (response.status !== 200) throw new Error(`${path} ${response.status} ${JSON.stringify(body['error'] ?? '')}`);
    return body;
  };
  const upload = (path: string, field: string, headers: Record<string, string>, seed: number) => {
    const form = new FormData();
    form.append(field, image(seed), 'photo.jpg');
    return call(path, { method: 'POST', headers: { ...headers, 'idempotency-key': `bench-${user}-${seed}-key` }, body: form });
  };
  try {
    const { sessionId } = (await call('/session', { method: 'POST' })) as { sessionId: string };
    const ocr = { 'session-id': sessionId, 'document-type': 'idr' };
    await upload('/ocr', 'files', { ...ocr, 'side-type': 'front' }, 1);
    await upload('/ocr', 'files', { ...ocr, 'side-type': 'back' }, 2);
    await upload('/face/liveness', 'selfies', { 'session-id': sessionId, auto: 'True' }, 3);
    const result = await call(`/session/${sessionId}/result`, { method: 'GET' });
    return { ms: performance.now() - started, requestMs, error: null, status: String(result['status']) };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${(error.cause as { code?: string }).code ?? error.cause.message})` : '';
    const message = error instanceof Error ? `${error.message}${cause}` : String(error);
    return { ms: performance.now() - started, requestMs, error: message, status: null };
  }
}

interface Memory {
  heapUsed: number;
  rss: number;
}

interface TargetReport {
  memory: Memory;
  /** The server's answers by HTTP status since it started. */
  statuses: Record<string, number>;
}

/** The server in its own process (`lib/server-target.ts`), with `kind` of store. */
async function startTarget(kind: string, upstream: string, redisUrl: string): Promise<{ url: string; report(): Promise<TargetReport>; stop(): Promise<void> }> {
  const child = fork(resolve(import.meta.dirname, 'lib/server-target.ts'), [kind, upstream, redisUrl], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [{ url }] = (await once(child, 'message')) as [{ url: string }];
  return {
    url,
    report: async () => {
      child.send('memory');
      const [report] = (await once(child, 'message')) as [TargetReport];
      return report;
    },
    stop: async () => {
      child.send('stop');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** The emulator's Node server (`src/emulator/serve.ts`) in its own process. */
async function startUpstream(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/serve.ts', '--port', '0', '--api-key', KEY], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  child.stdout.resume(); // one line a request follows: read and dropped
  const url = /https?:\/\/[^\s]+/.exec(first.toString())?.[0];
  if (!url) throw new Error(`the emulator did not start: ${first.toString()}`);
  return { url, child };
}

/** The p99 of one upload under load, through the server on `url` and straight to the emulator. */
async function uploadOverhead(url: string, upstream: string): Promise<Cell[]> {
  log(`redis: ${FLOWS} uploads at once, through the server and straight to the emulator…`);
  const samples = await measureUploadOverhead({ serverUrl: url, upstreamUrl: upstream, apiKey: KEY, image: image(4), concurrency: FLOWS, rounds: 3 });
  const direct = percentile(samples.direct, 0.99);
  const server = percentile(samples.server, 0.99);
  return [`${samples.server.length}`, formatMs(percentile(samples.direct, 0.5)), formatMs(direct), formatMs(percentile(samples.server, 0.5)), formatMs(server), (server / direct).toFixed(2)];
}

/** The row of `name`'s flows, and on Redis the upload overhead's row. */
async function measure(name: string, upstream: string, redisUrl: string): Promise<{ row: Cell[]; overhead: Cell[] | null }> {
  const target = await startTarget(name, upstream, redisUrl);
  const { url } = target;
  await Promise.all(Array.from({ length: 10 }, (_, index) => runFlow(url, 1_000_000 + index))); // warm-up
  const { memory: before, statuses: warm } = await target.report();
  log(`${name}: ${FLOWS} flows at once…`);
  const started = performance.now();
  const outcomes = await Promise.all(Array.from({ length: FLOWS }, (_, index) => runFlow(url, index)));
  const seconds = (performance.now() - started) / 1000;
  const { memory: after, statuses } = await target.report();
  const overhead = name === 'redis' ? await uploadOverhead(url, upstream) : null;
  await target.stop();
  const requests = outcomes.flatMap((outcome) => outcome.requestMs);
  const flows = outcomes.map((outcome) => outcome.ms);
  const errors = outcomes.filter((outcome) => outcome.error !== null);
  const passed = outcomes.filter((outcome) => outcome.status === 'passed').length;
  if (errors.length > 0) log(`${name}: first errors: ${[...new Set(errors.map((each) => each.error))].slice(0, 3).join('; ')}`);
  const row = [
    name,
    (FLOWS / seconds).toFixed(1),
    (requests.length / seconds).toFixed(0),
    formatMs(percentile(flows, 0.5)),
    formatMs(percentile(flows, 0.99)),
    formatMs(percentile(requests, 0.5)),
    formatMs(percentile(requests, 0.99)),
    `${errors.length}`,
    `${passed}/${FLOWS}`,
    `${formatBytes(before.heapUsed)} → ${formatBytes(after.heapUsed)}`,
    `${formatBytes(before.rss)} → ${formatBytes(after.rss)}`,
    Object.entries(statuses)
      .map(([status, count]) => `${status}×${count - (warm[status] ?? 0)}`)
      .join(' '),
  ];
  return { row, overhead };
}

const upstream = await startUpstream();
const redis = await startRedis();
const rows: Cell[][] = [];
const overheads: Cell[][] = [];
try {
  for (const kind of ['memory', 'redis']) {
    const { row, overhead } = await measure(kind, upstream.url, redis.url);
    rows.push(row);
    if (overhead) overheads.push(overhead);
  }
} finally {
  upstream.child.kill('SIGTERM');
  await redis.stop();
}

console.log(
  table(
    `ekyc-flow/server: ${FLOWS} concurrent flows (session, front, back, selfie, result; ${IMAGE_BYTES / 1000} kB images), ` +
      `emulator upstream, ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(1) ?? '?'}`,
    ['store', 'flows/s', 'req/s', 'flow p50 ms', 'flow p99 ms', 'req p50 ms', 'req p99 ms', 'errors', 'passed', 'heap before → after', 'rss before → after', 'server answers'],
    rows,
  ),
);
if (overheads.length > 0) {
  console.log(
    table(
      `One OCR upload under load on Redis: ${FLOWS} at once, 3 rounds, through the server and straight to the emulator (the ratio is the server's overhead)`,
      ['uploads', 'direct p50 ms', 'direct p99 ms', 'server p50 ms', 'server p99 ms', 'p99 ratio'],
      overheads,
    ),
  );
}
console.log('  server process memory, heap after a forced GC; sessions and their results stay in the store for 24 h (memory: in this heap).');
