// Both profiles, side by side: the same measurements on this machine and on a throttled "low-end
// phone on a slow mobile link" (bench/lib/profiles.ts).
import type { Browser } from 'playwright';
import { firstAndSecondVisit, pageLoadToIntro, runInProfile, runPacedFlow, type PacedFlowResult, type StepMemory } from './paced.js';
import type { ScriptCause } from '../pages/main-thread.js';
import { PROFILES, type Profile } from './profiles.js';
import { max, median } from './stats.js';
import { formatBytes, formatMs, table } from './table.js';

export const PROFILE_RUNS = { intro: 3, firstFrame: 3, pacedFlow: 2 };
/** The user takes about this long to frame each document side. */
export const PACE_MS = 4000;
/** The user reads the intro (what to have at hand, the privacy note) for about this long before pressing Start (`BENCH_INTRO_MS`). */
export const INTRO_MS = Number(process.env['BENCH_INTRO_MS'] ?? 8000);
const STEPS = ['intro', 'document-front', 'document-back', 'processing:ocr', 'selfie', 'processing:face'];
const CAPTURE_STEPS = ['document-front', 'document-back', 'selfie'];

export interface ProfileResult {
  profile: Profile;
  introMs: number;
  firstFrameMs: number;
  documentAnalysis: { medianMs: number; p95Ms: number; pageThreadMedianMs: number; pageThreadP95Ms: number };
  steps: Record<
    string,
    {
      longestTaskMs: number;
      longTasks: number;
      /** The longest time between two animation frames: a step's worst stall, even with no task over 50 ms. */
      longestFrameGapMs: number;
      jsHeapPeak: number;
      faceWasmPeak: number;
      cause: ScriptCause | null;
    }
  >;
  selfieUsableMs: number;
  /** Per paced run: `start()` → first preview frame, while what the intro fetched ahead may still be arriving. */
  pacedFirstFrameMs: number[];
  /** Per run: ms from the selfie step's start to the detector being ready (negative: before). */
  detectorReadyMs: number[];
  /** `start()` → a ready detector, at once after the page loads: a first visit, and a second one (HTTP cache). */
  visits: { firstMs: number; secondMs: number };
  uploads: { endpoint: string; side: string; bytes: number; ms: number }[];
}

export async function measureProfile(
  launch: (camera?: string) => Promise<Browser>,
  origin: string,
  profile: Profile,
  cardCamera: string,
  log: (message: string) => void,
): Promise<ProfileResult> {
  const plain = await launch();
  const introRuns: number[] = [];
  const frameRuns: number[] = [];
  let analysis: Record<string, number>;
  let visits: ProfileResult['visits'];
  try {
    log(`  ${profile.name}: page load → intro ×${PROFILE_RUNS.intro}…`);
    for (let run = 0; run < PROFILE_RUNS.intro; run++) introRuns.push(await pageLoadToIntro(plain, origin, profile));
    log(`  ${profile.name}: start() → first frame ×${PROFILE_RUNS.firstFrame}…`);
    for (let run = 0; run < PROFILE_RUNS.firstFrame; run++) frameRuns.push((await runInProfile(plain, origin, 'first-frame', profile))['firstFrameMs'] ?? Number.NaN);
    log(`  ${profile.name}: document analysis…`);
    analysis = await runInProfile(plain, origin, 'document-analysis', profile, { elementOnly: true });
    log(`  ${profile.name}: face detector ready, first and second visit…`);
    visits = await firstAndSecondVisit(plain, origin, profile);
  } finally {
    await plain.close();
  }
  const flows: PacedFlowResult[] = [];
  const withCard = await launch(cardCamera);
  try {
    for (let run = 0; run < PROFILE_RUNS.pacedFlow; run++) {
      log(`  ${profile.name}: paced flow ${run + 1}/${PROFILE_RUNS.pacedFlow}…`);
      flows.push(await runPacedFlow(withCard, origin, profile, { introMs: INTRO_MS, paceMs: PACE_MS, documentType: 'idr', detectorWaitMs: 120_000 }));
    }
  } finally {
    await withCard.close();
  }
  const steps: ProfileResult['steps'] = {};
  for (const step of STEPS) {
    const loads = flows.flatMap((flow) => flow.phases.filter((phase) => phase.phase === step));
    const memory = flows.map((flow) => flow.memory[step]).filter((m): m is StepMemory => m !== undefined);
    const worst = loads.slice().sort((a, b) => b.longestTaskMs - a.longestTaskMs)[0];
    steps[step] = {
      longestTaskMs: max(loads.map((load) => load.longestTaskMs)),
      cause: worst && worst.longestTaskMs > 0 ? worst.cause : null,
      longTasks: max(loads.map((load) => load.longTasks)),
      longestFrameGapMs: max(loads.map((load) => load.longestFrameGapMs)),
      jsHeapPeak: max(memory.map((m) => m.jsHeap)),
      faceWasmPeak: max(memory.map((m) => m.faceWasm)),
    };
  }
  const element = 'worker-frame.1280x720';
  return {
    profile,
    introMs: median(introRuns),
    firstFrameMs: median(frameRuns),
    documentAnalysis: {
      medianMs: analysis[`${element}.medianMs`] ?? Number.NaN,
      p95Ms: analysis[`${element}.p95Ms`] ?? Number.NaN,
      pageThreadMedianMs: analysis[`${element}.callingThreadMedianMs`] ?? Number.NaN,
      pageThreadP95Ms: analysis[`${element}.callingThreadP95Ms`] ?? Number.NaN,
    },
    steps,
    selfieUsableMs: max(flows.map((flow) => flow.selfieUsableMs)),
    pacedFirstFrameMs: flows.map((flow) => flow.firstFrameMs),
    detectorReadyMs: flows.map((flow) => flow.detectorReadyMs),
    visits,
    uploads: ['front', 'back', 'selfie'].map((side) => {
      const sent = flows.flatMap((flow) => flow.uploads.filter((upload) => upload.side === side));
      return { endpoint: sent[0]?.endpoint ?? '', side, bytes: median(sent.map((u) => u.bytes)), ms: median(sent.map((u) => u.ms)) };
    }),
  };
}

export async function measureProfiles(
  launch: (camera?: string) => Promise<Browser>,
  origin: string,
  cardCamera: string,
  log: (message: string) => void,
): Promise<ProfileResult[]> {
  const results: ProfileResult[] = [];
  // BENCH_PROFILE=low-end (or desktop): that profile alone.
  const only = process.env['BENCH_PROFILE'];
  for (const profile of PROFILES.filter(({ name }) => !only || name === only)) results.push(await measureProfile(launch, origin, profile, cardCamera, log));
  return results;
}

const signed = (ms: number): string => (Number.isNaN(ms) ? 'never' : `${ms > 0 ? '+' : ''}${formatMs(ms)}`);
const mb = (bytes: number): string => (Number.isFinite(bytes) && bytes > 0 ? formatBytes(bytes) : '–');

/** The profiles side by side; `nameCause` names the script behind a step's longest task. */
export function profileTable(results: ProfileResult[], nameCause: (cause: ScriptCause | null) => string): string {
  const row = (label: string, cell: (result: ProfileResult) => string | number): (string | number)[] => [label, ...results.map(cell)];
  const rows = [
    row('page load → intro visible', (r) => formatMs(r.introMs)),
    row('start() → first preview frame', (r) => formatMs(r.firstFrameMs)),
    row('  in the paced flow, after the intro (runs)', (r) => r.pacedFirstFrameMs.map(formatMs).join(', ')),
    row('document analysis a frame, median / p95', (r) => `${formatMs(r.documentAnalysis.medianMs)} / ${formatMs(r.documentAnalysis.p95Ms)}`),
    row('  of which on the page thread, median / p95', (r) => `${formatMs(r.documentAnalysis.pageThreadMedianMs)} / ${formatMs(r.documentAnalysis.pageThreadP95Ms)}`),
    ...STEPS.map((step) =>
      row(`longest page-thread task, ${step} (tasks > 50 ms)`, (r) => `${formatMs(r.steps[step]?.longestTaskMs ?? Number.NaN)} (${r.steps[step]?.longTasks ?? '–'})`),
    ),
    row('selfie step → capture button usable', (r) => formatMs(r.selfieUsableMs)),
    row(`face detector ready, from the selfie step's start (runs)`, (r) => r.detectorReadyMs.map(signed).join(', ')),
    row('start() → face detector ready, first visit (no intro wait)', (r) => formatMs(r.visits.firstMs)),
    row('  second visit (runtime from the HTTP cache)', (r) => formatMs(r.visits.secondMs)),
    ...['front', 'back', 'selfie'].map((side) =>
      row(`upload ${side}: bytes, time`, (r) => {
        const upload = r.uploads.find((u) => u.side === side);
        return upload ? `${formatBytes(upload.bytes)}, ${formatMs(upload.ms)}` : '–';
      }),
    ),
    ...STEPS.map((step) =>
      row(`peak memory, ${step}: JS heap / face wasm`, (r) => `${mb(r.steps[step]?.jsHeapPeak ?? Number.NaN)} / ${mb(r.steps[step]?.faceWasmPeak ?? Number.NaN)}`),
    ),
  ];
  const captureWorst = (r: ProfileResult): number => Math.max(...CAPTURE_STEPS.map((step) => r.steps[step]?.longestTaskMs ?? 0));
  rows.push(row('longest page-thread task in any capture step', (r) => formatMs(captureWorst(r))));
  for (const step of CAPTURE_STEPS) rows.push(row(`  longest gap between frames, ${step}`, (r) => formatMs(r.steps[step]?.longestFrameGapMs ?? Number.NaN)));
  for (const step of CAPTURE_STEPS) rows.push(row(`  likely cause, ${step}`, (r) => nameCause(r.steps[step]?.cause ?? null) || '–'));
  const header = results.map((r) => r.profile.name);
  const notes = results.map((r) => `  ${r.profile.name}: ${r.profile.description}`);
  return [
    table(
      `Profiles side by side (paced flow: ${INTRO_MS / 1000} s on the intro, ${PACE_MS / 1000} s a document side, ${PROFILE_RUNS.pacedFlow} runs, longest task = worst run; intro and first frame: medians)`,
      ['', ...header],
      rows,
    ),
    ...notes,
  ].join('\n');
}
