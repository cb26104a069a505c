// Real runs of the element, one browser a camera scene: a card for the document steps, a person
// for the selfie. Each scenario reports the steps its scene is made for.
import type { Browser } from 'playwright';
import type { FlowRun, FlowRunOptions } from '../pages/flow.js';
import type { ScriptCause } from '../pages/main-thread.js';
import { runPage } from './browser.js';
import { max, median } from './stats.js';

export interface Scenario {
  /** The picture in `test/fixtures/camera/` the fake camera shows. */
  camera: string;
  options: FlowRunOptions;
  /** The phases this scene is meant to measure. */
  phases: string[];
}

export const SCENARIOS: Scenario[] = [
  // The selfie is taken by hand: there is no face in a card scene.
  { camera: 'card-scene', options: { documentType: 'idr', manual: ['selfie'] }, phases: ['document-front', 'document-back', 'processing:ocr'] },
  // A passport has no back; the "document" is taken by hand: there is no card in this scene.
  { camera: 'scene-person-a', options: { documentType: 'passport', manual: ['front'] }, phases: ['selfie', 'processing:face'] },
];

export interface PhaseSummary {
  phase: string;
  camera: string;
  runs: number;
  durationMs: number;
  longestTaskMs: number;
  longestTaskMaxMs: number;
  longTasks: number;
  longestFrameGapMs: number;
  longestFrameGapMaxMs: number;
  /** The likely cause of the longest task of all runs. */
  cause: ScriptCause | null;
}

export interface FlowSummary {
  phases: PhaseSummary[];
  /** Median bytes of each request's file, by side. */
  uploads: Record<string, number>;
  /** Median size of each capture, e.g. `995×634`. */
  captures: Record<string, string>;
  confirmToCompleteMs: number;
  confirmToCompleteRuns: number;
}

export async function runScenario(browser: Browser, origin: string, scenario: Scenario, runs: number): Promise<FlowRun[]> {
  const results: FlowRun[] = [];
  for (let run = 0; run < runs; run++) results.push((await runPage(browser, origin, 'flow', scenario.options)) as FlowRun);
  return results;
}

export function summariseFlows(byScenario: { scenario: Scenario; runs: FlowRun[] }[]): FlowSummary {
  const phases = byScenario.flatMap(({ scenario, runs }) =>
    scenario.phases.map((phase): PhaseSummary => {
      const loads = runs.flatMap((run) => run.phases.filter((load) => load.phase === phase));
      const worst = loads.slice().sort((a, b) => b.longestTaskMs - a.longestTaskMs || b.longestFrameGapMs - a.longestFrameGapMs)[0];
      return {
        phase,
        camera: scenario.camera,
        runs: loads.length,
        durationMs: median(loads.map((load) => load.durationMs)),
        longestTaskMs: median(loads.map((load) => load.longestTaskMs)),
        longestTaskMaxMs: max(loads.map((load) => load.longestTaskMs)),
        longTasks: median(loads.map((load) => load.longTasks)),
        longestFrameGapMs: median(loads.map((load) => load.longestFrameGapMs)),
        longestFrameGapMaxMs: max(loads.map((load) => load.longestFrameGapMs)),
        cause: worst?.cause ?? null,
      };
    }),
  );
  // Selfies of the card scene and documents of the person scene are not what those steps are for.
  const runsFor = (side: string): FlowRun[] =>
    byScenario.flatMap(({ scenario, runs }) => ((side === 'selfie') === (scenario.camera === 'scene-person-a') ? runs : []));
  const sides = ['front', 'back', 'selfie'];
  const confirmToComplete = byScenario.flatMap(({ runs }) => runs.map((run) => run.confirmToCompleteMs));
  return {
    phases,
    uploads: Object.fromEntries(
      sides.map((side) => [
        side,
        median(runsFor(side).flatMap((run) => run.uploads.filter((upload) => upload.side === side).map((upload) => upload.bytes))),
      ]),
    ),
    captures: Object.fromEntries(
      sides.map((side) => {
        const sizes = runsFor(side).flatMap((run) => run.captures.filter((capture) => capture.side === side));
        const middle = sizes.sort((a, b) => a.bytes - b.bytes)[Math.floor(sizes.length / 2)];
        return [side, middle ? `${middle.width}×${middle.height}` : ''];
      }),
    ),
    confirmToCompleteMs: median(confirmToComplete),
    confirmToCompleteRuns: confirmToComplete.length,
  };
}
