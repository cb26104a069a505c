// What flattening a card costs (src/capture/flatten.ts): the plan and the warp of a 1080p frame's card to the
// 1280 px wide photo the encoding worker sends, in this process (`BENCH_ONLY=flatten npx tsx bench/run.ts`). The
// worker runs the same code in a browser's engine; reading the region back and encoding the JPEG are not counted.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { flatten, planFlatten, type Quad } from '../../src/capture/flatten.js';
import { GUIDE_ASPECT } from '../../src/geometry/geometry.js';
import { CAPTURE_MARGIN } from '../../src/geometry/geometry.js';
import { max, median } from './stats.js';

const RUNS = 15;
/** A card filling most of a 1920×1080 frame, seen at a slant. */
const CORNERS: Quad = [
  { x: 240, y: 170 },
  { x: 1660, y: 215 },
  { x: 1700, y: 905 },
  { x: 205, y: 950 },
];

export function flattenReport(): string {
  const frame = { width: 1920, height: 1080 };
  const plan = planFlatten(CORNERS, frame, { aspect: GUIDE_ASPECT.card, margin: CAPTURE_MARGIN, maxLongSide: 1280 });
  if (!plan) throw new Error('No plan for the bench card.');
  const { region } = plan;
  const data = new Uint8ClampedArray(region.width * region.height * 4);
  // Noise, so that no sampling shortcut of a flat picture flatters the figure.
  let seed = 1;
  for (let k = 0; k < data.length; k++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    data[k] = seed >>> 24;
  }
  const source = { width: region.width, height: region.height, data };
  const target = { width: plan.width, height: plan.height, data: new Uint8ClampedArray(plan.width * plan.height * 4) };
  const plans: number[] = [];
  const warps: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    planFlatten(CORNERS, frame, { aspect: GUIDE_ASPECT.card, margin: CAPTURE_MARGIN, maxLongSide: 1280 });
    const planned = performance.now();
    const used = process.cpuUsage();
    flatten(source, plan, target);
    const { user, system } = process.cpuUsage(used);
    plans.push(planned - start);
    warps.push(performance.now() - planned);
    cpu.push((user + system) / 1000);
  }
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  return [
    `Flattening a card: ${region.width}×${region.height} source pixels read, ${plan.width}×${plan.height} written, ${RUNS} runs`,
    `  plan   median ${ms(median(plans))}, max ${ms(max(plans))}`,
    `  warp   median ${ms(median(warps))}, max ${ms(max(warps))} (the first run includes compiling)`,
    `         of this process's processor time: median ${ms(median(cpu))} (what it costs on a busy machine)`,
  ].join('\n');
}
