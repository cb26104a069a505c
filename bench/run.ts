// `npm run bench` (after `npm run build`): sizes of the one-tag bundle and its lazy parts, and
// timings in headless Chromium with a fake camera; prints a table and writes bench/results.json.
// Measures, asserts nothing. Both profiles (this machine; a throttled low-end phone on a slow mobile
// link) are measured side by side. `BENCH_ONLY=profiles` measures the profiles alone (`BENCH_PROFILE=low-end`: that
// one only), `BENCH_DIST` another build (default dist/), `BENCH_OUT` another file (default bench/results.json),
// `BENCH_INTRO_MS` how long the paced flow's user reads the intro (default 8000). `BENCH_ONLY=field` runs the labelled
// field set alone, in this process (no build or browser needed: `BENCH_ONLY=field npx tsx bench/run.ts`);
// `BENCH_ONLY=flatten` what flattening a card for its photo costs, likewise.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { prepareFakeCameras } from '../scripts/fake-camera.js';
import { launchChromium, runPage } from './lib/browser.js';
import { causeNamer } from './lib/causes.js';
import { fieldReport, runFieldSet } from './lib/field.js';
import { flattenReport } from './lib/flatten.js';
import { runScenario, SCENARIOS, summariseFlows } from './lib/flows.js';
import { measureProfiles, profileTable } from './lib/profile-runs.js';
import { startBenchServer } from './lib/server.js';
import { assetCompressionTable, measureSizes } from './lib/sizes.js';
import { max, median } from './lib/stats.js';
import { formatBytes, formatMs, table } from './lib/table.js';

/** Page loads a measurement: enough for a median; the per-frame pages repeat internally. */
const RUNS = { firstFrame: 7, faceDetection: 3, documentAnalysis: 1, qrDecoding: 3, flow: 3 };

type Numbers = Record<string, number>;

if (process.env['BENCH_ONLY'] === 'field') {
  console.log(fieldReport(runFieldSet()));
  process.exit(0);
}

if (process.env['BENCH_ONLY'] === 'flatten') {
  console.log(flattenReport());
  process.exit(0);
}

// A copy of the build: others' `npm run build` may empty dist/ while this runs.
const distDir = resolve('node_modules/.cache/ekyc-bench/dist');
rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
cpSync(process.env['BENCH_DIST'] ?? 'dist', distDir, { recursive: true });
const resultsFile = process.env['BENCH_OUT'] ?? 'bench/results.json';
const profilesOnly = process.env['BENCH_ONLY'] === 'profiles';

const cameras = prepareFakeCameras(resolve('test/fixtures/camera'), resolve('node_modules/.cache/ekyc-fake-camera'));
const loadBefore = loadavg()[0] ?? 0;
const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

log('sizes…');
const sizes = measureSizes(distDir);
const server = await startBenchServer(distDir);

async function repeat(page: string, runs: number, camera?: string): Promise<Numbers[]> {
  const browser = await launchChromium(camera);
  try {
    const results: Numbers[] = [];
    for (let run = 0; run < runs; run++) results.push((await runPage(browser, server.origin, page)) as Numbers);
    return results;
  } finally {
    await browser.close();
  }
}

/** The median over runs of each key. */
const medians = (runs: Numbers[]): Numbers =>
  Object.fromEntries(Object.keys(runs[0] ?? {}).map((key) => [key, median(runs.map((run) => run[key] ?? Number.NaN))]));

let chromiumVersion = '';
try {
  if (profilesOnly) {
    log('profiles…');
    const profiles = await measureProfiles(launchChromium, server.origin, cameras['card-scene'] ?? '', log);
    const environment = { date: new Date().toISOString(), cpus: cpus().length, loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 } };
    writeFileSync(resultsFile, `${JSON.stringify({ environment, firstLoad: sizes.firstLoad, assets: sizes.assets, profiles }, null, 2)}\n`);
    console.log([assetCompressionTable(sizes), '', profileTable(profiles, causeNamer(distDir))].join('\n'));
    log(`\nwritten: ${resultsFile}`);
    process.exit(0);
  }
  log(`start() → first frame ×${RUNS.firstFrame}…`);
  const firstFrames = await repeat('first-frame', RUNS.firstFrame);
  log('document analysis…');
  const documentAnalysis = medians(await repeat('document-analysis', RUNS.documentAnalysis));
  log(`face detection ×${RUNS.faceDetection}…`);
  const faceDetection = medians(await repeat('face-detection', RUNS.faceDetection));
  log(`QR decoding ×${RUNS.qrDecoding}…`);
  const qrDecoding = medians(await repeat('qr-decoding', RUNS.qrDecoding));
  const flowRuns = [];
  for (const scenario of SCENARIOS) {
    log(`flow with ${scenario.camera} ×${RUNS.flow}…`);
    const browser = await launchChromium(cameras[scenario.camera]);
    chromiumVersion = browser.version();
    try {
      flowRuns.push({ scenario, runs: await runScenario(browser, server.origin, scenario, RUNS.flow) });
    } finally {
      await browser.close();
    }
  }
  const flows = summariseFlows(flowRuns);
  log('profiles…');
  const profiles = await measureProfiles(launchChromium, server.origin, cameras['card-scene'] ?? '', log);
  log('field set…');
  const field = runFieldSet();
  const environment = {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    cpus: cpus().length,
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
  };

  const nameCause = causeNamer(distDir);
  const phases = flows.phases.map((phase) => ({ ...phase, likelyCause: nameCause(phase.cause) }));
  const firstFrame = {
    medianMs: median(firstFrames.map((run) => run['firstFrameMs'] ?? Number.NaN)),
    maxMs: max(firstFrames.map((run) => run['firstFrameMs'] ?? Number.NaN)),
    cameraOpenMedianMs: median(firstFrames.map((run) => run['cameraOpenMs'] ?? Number.NaN)),
    runs: firstFrames.length,
  };
  const fieldSet = { ...field, table: undefined };
  const results = { environment, sizes, firstFrame, documentAnalysis, faceDetection, qrDecoding, flows: { ...flows, phases }, profiles, fieldSet };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

  const sizeRow = (row: { name: string; bytes: number; gzip: number; brotli: number }) => [
    row.name,
    formatBytes(row.bytes),
    formatBytes(row.gzip),
    formatBytes(row.brotli),
  ];
  const da = (key: string): string => formatMs(documentAnalysis[key] ?? Number.NaN);
  const fd = (key: string): string => formatMs(faceDetection[key] ?? Number.NaN);
  const qr = (key: string): string => formatMs(qrDecoding[key] ?? Number.NaN);
  const qrCaptures = (camera: string): string =>
    `${Math.round((qrDecoding[`${camera}.readShare`] ?? 0) * 100)} % of ${qrDecoding[`${camera}.captures`] ?? 0} read`;
  // What an ID card flow loads to read the code where the browser cannot: the flow's glue, the worker, the wasm.
  const qrParts = [...sizes.chunks, ...sizes.assets].filter(({ name }) => /card-qr|qr\.worker|zxing/.test(name));
  const qrTotal = (key: 'bytes' | 'gzip' | 'brotli'): number => qrParts.reduce((sum, part) => sum + part[key], 0);
  const output = [
    `ekyc-flow benchmark, ${environment.date.slice(0, 16).replace('T', ' ')} UTC: Chromium ${environment.chromium} headless, no GPU; ` +
      `${environment.cpus} cores, load average ${loadBefore.toFixed(1)} → ${environment.loadAverage.after.toFixed(1)}`,
    '',
    table('Sizes (minified; gzip -9; brotli 11)', ['file', 'bytes', 'gzip', 'brotli'], [
      sizeRow({ ...sizes.firstLoad, name: `first bundle (${sizes.firstLoad.file})` }),
      ...sizes.chunks.map(sizeRow),
      ...sizes.assets.map(sizeRow),
      sizeRow({ name: `QR decoder, idr only (${qrParts.map(({ name }) => name).join(' + ')})`, bytes: qrTotal('bytes'), gzip: qrTotal('gzip'), brotli: qrTotal('brotli') }),
    ]),
    '',
    assetCompressionTable(sizes),
    '',
    table('Timings (ms)', ['', 'median', 'p95 / max', 'runs'], [
      ['start() → first preview frame (Chromium fake camera)', formatMs(firstFrame.medianMs), formatMs(firstFrame.maxMs), firstFrame.runs],
      ['  start() → getUserMedia answered', formatMs(firstFrame.cameraOpenMedianMs), '', firstFrame.runs],
      ['document analysis 1280×720, VideoFrame to the worker (the element)', da('worker-frame.1280x720.medianMs'), da('worker-frame.1280x720.p95Ms'), '200 frames'],
      ['  of which on the page thread', da('worker-frame.1280x720.callingThreadMedianMs'), da('worker-frame.1280x720.callingThreadP95Ms'), ''],
      ['  of which measuring, in the worker (region copy included)', da('worker-frame.1280x720.measureMedianMs'), da('worker-frame.1280x720.measureP95Ms'), ''],
      ['document analysis 1280×720, bitmap to the worker', da('worker.1280x720.medianMs'), da('worker.1280x720.p95Ms'), '200 frames'],
      ['  of which on the page thread (region copy)', da('worker.1280x720.callingThreadMedianMs'), da('worker.1280x720.callingThreadP95Ms'), ''],
      ['  of which measuring, in the worker', da('worker.1280x720.measureMedianMs'), da('worker.1280x720.measureP95Ms'), ''],
      ['document analysis 1280×720, page thread only', da('main.1280x720.medianMs'), da('main.1280x720.p95Ms'), '200 frames'],
      ['document analysis 1920×1080, VideoFrame to the worker (the element)', da('worker-frame.1920x1080.medianMs'), da('worker-frame.1920x1080.p95Ms'), '200 frames'],
      ['  of which on the page thread', da('worker-frame.1920x1080.callingThreadMedianMs'), da('worker-frame.1920x1080.callingThreadP95Ms'), ''],
      ['  of which measuring, in the worker (region copy included)', da('worker-frame.1920x1080.measureMedianMs'), da('worker-frame.1920x1080.measureP95Ms'), ''],
      ['document analysis 1920×1080, bitmap to the worker', da('worker.1920x1080.medianMs'), da('worker.1920x1080.p95Ms'), '200 frames'],
      ['  of which on the page thread (region copy)', da('worker.1920x1080.callingThreadMedianMs'), da('worker.1920x1080.callingThreadP95Ms'), ''],
      ['  of which measuring, in the worker', da('worker.1920x1080.measureMedianMs'), da('worker.1920x1080.measureP95Ms'), ''],
      ['document analysis 1920×1080, page thread only', da('main.1920x1080.medianMs'), da('main.1920x1080.p95Ms'), '200 frames'],
      ['face detection 640×720, worker (round trip)', fd('worker.detectMedianMs'), fd('worker.detectP95Ms'), '100 frames'],
      ['face detection 640×720, page thread', fd('main.detectMedianMs'), fd('main.detectP95Ms'), '100 frames'],
      ['face model load, worker', fd('worker.loadMs'), '', RUNS.faceDetection],
      ['face model load, page thread (blocks it)', fd('main.loadMs'), '', RUNS.faceDetection],
      ['  longest page-thread task during the worker load', fd('worker.loadLongestTaskMs'), '', RUNS.faceDetection],
      ['  longest page-thread task during the page-thread load', fd('main.loadLongestTaskMs'), '', RUNS.faceDetection],
      ['ID card QR code: first capture, decoder still to load (worker, wasm)', qr('coldFirstReadMs'), '', RUNS.qrDecoding],
      ['ID card QR code 720p capture, decoding in the worker', qr('720p.decodeMedianMs'), qr('720p.decodeP95Ms'), qrCaptures('720p')],
      ['  page round trip', qr('720p.roundTripMedianMs'), qr('720p.roundTripP95Ms'), ''],
      ['ID card QR code 1080p capture, decoding in the worker', qr('1080p.decodeMedianMs'), qr('1080p.decodeP95Ms'), qrCaptures('1080p')],
      ['  page round trip', qr('1080p.roundTripMedianMs'), qr('1080p.roundTripP95Ms'), ''],
      ['last confirm → ekyc-complete (emulator)', formatMs(flows.confirmToCompleteMs), '', flows.confirmToCompleteRuns],
    ]),
    '',
    table(
      `Page thread during real runs of the element (${RUNS.flow} runs a scene; longest task over 50 ms, 0 = none; gap between animation frames)`,
      ['step', 'camera', 'duration', 'longest task', 'max', 'long tasks', 'frame gap', 'max'],
      phases.map((phase) => [
        phase.phase,
        phase.camera,
        formatMs(phase.durationMs),
        formatMs(phase.longestTaskMs),
        formatMs(phase.longestTaskMaxMs),
        phase.longTasks,
        formatMs(phase.longestFrameGapMs),
        formatMs(phase.longestFrameGapMaxMs),
      ]),
    ),
    'Longest script of the longest frame, worst run:',
    ...phases.map((phase) => `  ${phase.phase}: ${phase.likelyCause || 'no frame over 50 ms'}`),
    '',
    table('Uploads (median bytes of the file sent)', ['capture', 'size', 'bytes'], [
      ...Object.entries(flows.uploads).map(([side, bytes]) => [side, flows.captures[side] ?? '', formatBytes(bytes)]),
    ]),
    '',
    profileTable(profiles, nameCause),
    '',
    fieldReport(field),
  ];
  console.log(output.join('\n'));
  log(`\nwritten: ${resultsFile}`);
} finally {
  await server.close();
}
