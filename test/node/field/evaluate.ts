import { performance } from 'node:perf_hooks';
import { documentDirection } from '../../../src/guidance/directions.js';
import { analyzeDocumentFrame } from '../../../src/quality/analyze.js';
import { judgeDocumentFrame } from '../../../src/quality/judge.js';
import { documentLayout } from '../../../src/quality/layout.js';
import { averagePackedRgb } from '../../../src/quality/rgb-region.js';
import { spans } from '../../../src/quality/spans.js';
import type { DocumentFrameReport, DocumentVerdict, FrameLayout } from '../../../src/quality/types.js';
import { renderFieldScene, type FieldFrame } from './render.js';
import type { FieldScene, ShownHint } from './scenes.js';

export interface FieldResult {
  scene: FieldScene;
  verdict: DocumentVerdict;
  /** What the person is shown for this frame. */
  shown: ShownHint;
  /** Captured when it must be, refused when it must not. */
  right: boolean;
  /** For a refused scene: whether the hint shown names its problem. */
  hintRight: boolean;
  report: DocumentFrameReport;
  /** Milliseconds to copy the guide's region small and to measure it. */
  copyMs: number;
  measureMs: number;
}

/** The guide's region of a frame, averaged down to the layout's size, as the worker copies a packed RGB frame. */
function regionOf(frame: FieldFrame, layout: FrameLayout): ImageData {
  const { region, width, height } = layout;
  const out = { width, height, data: new Uint8ClampedArray(width * height * 4), colorSpace: 'srgb' } as ImageData;
  averagePackedRgb(frame.data, { offset: 0, stride: frame.width * 4 }, 0, 2, {
    columns: spans(region.x, region.width, width),
    rows: spans(region.y, region.height, height),
    out,
  });
  return out;
}

const middle = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/**
 * Renders a scene and runs on it what the analysis worker runs on a camera frame, then judges it; the
 * times are the median of `repeats` runs.
 */
export function evaluateFieldScene(scene: FieldScene, repeats = 1): FieldResult {
  const { frame, previous, guide } = renderFieldScene(scene);
  const layout = documentLayout(frame, guide);
  const before = previous ? analyzeDocumentFrame(regionOf(previous, layout), layout).thumbnail : null;
  const copies: number[] = [];
  const measures: number[] = [];
  let report: DocumentFrameReport | null = null;
  for (let run = 0; run < Math.max(1, repeats); run++) {
    const start = performance.now();
    const image = regionOf(frame, layout);
    const copied = performance.now();
    report = analyzeDocumentFrame(image, layout, before);
    measures.push(performance.now() - copied);
    copies.push(copied - start);
  }
  if (!report) throw new Error('No analysis ran.');
  const verdict = judgeDocumentFrame(report);
  const shown = documentDirection(report, verdict.hint) ?? verdict.hint;
  const right = scene.label === 'capture' ? verdict.ok : !verdict.ok;
  return {
    scene,
    verdict,
    shown,
    right,
    hintRight: scene.label === 'capture' || (scene.hints ?? []).includes(shown),
    report,
    copyMs: middle(copies),
    measureMs: middle(measures),
  };
}

const pad = (value: string | number, width: number): string => String(value).padEnd(width);

/** The results as a table: one row a kind of scene, with how many were judged right and wrong. */
export function fieldTable(results: readonly FieldResult[]): string {
  const kinds = [...new Set(results.map((result) => result.scene.kind))];
  const rows = kinds.map((kind) => {
    const of = results.filter((result) => result.scene.kind === kind);
    const label = of[0]?.scene.label === 'capture' ? 'must capture' : 'must not';
    const wrong = of.filter((result) => !result.right);
    const badHints = of.filter((result) => result.right && !result.hintRight);
    const notes = [...wrong, ...badHints].map((result) => `${result.scene.background}: ${result.shown}`).join(', ');
    return `${pad(kind, 20)} ${pad(label, 13)} ${pad(of.length, 6)} ${pad(of.length - wrong.length, 6)} ${pad(wrong.length, 6)} ${pad(badHints.length, 10)} ${notes}`;
  });
  const capture = results.filter((result) => result.scene.label === 'capture');
  const refuse = results.filter((result) => result.scene.label === 'refuse');
  const captured = capture.filter((result) => result.right).length;
  const falseCaptures = refuse.filter((result) => !result.right).length;
  return [
    `${pad('scene kind', 20)} ${pad('label', 13)} ${pad('scenes', 6)} ${pad('right', 6)} ${pad('wrong', 6)} ${pad('wrong hint', 10)} wrong ones (surface: shown)`,
    ...rows,
    `must capture: ${captured}/${capture.length} captured (${((100 * captured) / Math.max(1, capture.length)).toFixed(1)} %); ` +
      `must not: ${falseCaptures} false captures of ${refuse.length}; ` +
      `hints naming the problem: ${refuse.filter((result) => result.hintRight).length}/${refuse.length}`,
  ].join('\n');
}
