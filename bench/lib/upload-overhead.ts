// One upload's time through ekyc-flow/server against the same upload sent to the emulator directly,
// both under the same load: `concurrency` uploads at once, each of its own session, in alternating
// rounds so that neither side gets a quieter machine. The sessions are made first and not timed.

export interface OverheadRun {
  serverUrl: string;
  upstreamUrl: string;
  apiKey: string;
  image: Blob;
  concurrency: number;
  rounds: number;
}

export interface OverheadSamples {
  direct: number[];
  server: number[];
}

const OCR_FRONT = { 'document-type': 'idr', 'side-type': 'front' };

async function timed(url: string, headers: Record<string, string>, image: Blob): Promise<number> {
  const form = new FormData();
  form.append('files', image, 'front.jpg');
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body: form });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

async function json(url: string, headers: Record<string, string>): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers });
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Uploads through the server, each by a user of its own (a subject's sessions are limited). */
async function throughServer(run: OverheadRun, round: number): Promise<number[]> {
  const users = Array.from({ length: run.concurrency }, (_, index) => ({ authorization: `Bearer bench-user-${3_000_000 + round * 10_000 + index}` }));
  const sessions = await Promise.all(users.map(async (auth) => ({ auth, sessionId: String((await json(`${run.serverUrl}/session`, auth))['sessionId']) })));
  return Promise.all(
    sessions.map(({ auth, sessionId }, index) =>
      timed(`${run.serverUrl}/ocr`, { ...auth, ...OCR_FRONT, 'session-id': sessionId, 'idempotency-key': `overhead-${round}-${index}` }, run.image),
    ),
  );
}

/** The same uploads as the server sends them to FPT.AI, straight to the emulator. */
async function direct(run: OverheadRun): Promise<number[]> {
  const headers = { 'api-key': run.apiKey, 'device-type': 'web-sdk' };
  const sessions = await Promise.all(
    Array.from({ length: run.concurrency }, async () => String((await json(`${run.upstreamUrl}/session/init`, headers))['session-id'])),
  );
  return Promise.all(sessions.map((sessionId) => timed(`${run.upstreamUrl}/ocr`, { ...headers, ...OCR_FRONT, 'session-id': sessionId }, run.image)));
}

export async function measureUploadOverhead(run: OverheadRun): Promise<OverheadSamples> {
  const samples: OverheadSamples = { direct: [], server: [] };
  for (let round = 0; round < run.rounds; round++) {
    samples.direct.push(...(await direct(run)));
    samples.server.push(...(await throughServer(run, round)));
  }
  return samples;
}
