import { evaluateFieldScene, fieldTable } from '../../test/node/field/evaluate.js';
import { FIELD_SCENES } from '../../test/node/field/scenes.js';
import { median, percentile } from './stats.js';

/** Analyses of each scene's frame timed, after one that is not. */
const REPEATS = 5;

export interface FieldBench {
  table: string;
  scenes: number;
  captured: number;
  mustCapture: number;
  falseCaptures: number;
  /** Milliseconds a frame in Node: copying the guide's region small, and measuring it (median and p90 over scenes). */
  copyMedianMs: number;
  measureMedianMs: number;
  measureP90Ms: number;
}

/**
 * The labelled field set (test/node/field/scenes.ts) through the worker's analysis, in this process: which
 * scenes are judged right, and what a frame costs at 1280×720 and 720×1280.
 */
export function runFieldSet(): FieldBench {
  const results = FIELD_SCENES.map((scene) => evaluateFieldScene(scene, REPEATS));
  const mustCapture = results.filter((result) => result.scene.label === 'capture');
  return {
    table: fieldTable(results),
    scenes: results.length,
    captured: mustCapture.filter((result) => result.right).length,
    mustCapture: mustCapture.length,
    falseCaptures: results.filter((result) => result.scene.label === 'refuse' && !result.right).length,
    copyMedianMs: median(results.map((result) => result.copyMs)),
    measureMedianMs: median(results.map((result) => result.measureMs)),
    measureP90Ms: percentile(results.map((result) => result.measureMs), 0.9),
  };
}

export function fieldReport(field: FieldBench): string {
  return [
    `Field set (${field.scenes} labelled scenes, analysed in Node as the worker analyses a frame)`,
    field.table,
    `analysis a frame: region copy ${field.copyMedianMs.toFixed(2)} ms, measuring ${field.measureMedianMs.toFixed(2)} ms median, ${field.measureP90Ms.toFixed(2)} ms p90`,
  ].join('\n');
}
