// The browser tests' lanes: the files that need no camera picture, dealt out so that each lane takes about as long,
// by what each file took last measured (test/lane-weights.json, written by `node scripts/lane-weights.js`). Each lane
// runs in its own browser of each engine, so slow files (real waits, WebKit's face detector on its page) run side by
// side instead of one after another in one browser.
import { existsSync, readFileSync } from 'node:fs';

/** Seconds a file not yet measured is counted as: about what a typical file takes in all three engines. */
const UNMEASURED_SECONDS = 15;

/** Each file's measured seconds (all engines together), from the weights file; an empty table when there is none. */
export function readLaneWeights(path) {
  if (!existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The seconds `files` take together, by the weights. */
export function secondsOf(files, weights) {
  return files.reduce((sum, file) => sum + (weights[file] ?? UNMEASURED_SECONDS), 0);
}

/**
 * `files` in `count` lanes, the heaviest first each (longest-first into the lightest lane so far): every lane
 * `{ files, seconds }`, in order. `lastLaneBusy` is what the last lane has to do besides (the camera groups, which
 * share its browsers). A lane's files are in the order they run, the slow ones early, so that a lane's tail is
 * short files.
 */
export function dealLanes(files, weights, count, lastLaneBusy = 0) {
  const weightOf = (file) => weights[file] ?? UNMEASURED_SECONDS;
  const lanes = Array.from({ length: count }, (_, index) => ({ files: [], seconds: index === count - 1 ? lastLaneBusy : 0 }));
  const byWeight = [...files].sort((a, b) => weightOf(b) - weightOf(a) || a.localeCompare(b));
  for (const file of byWeight) {
    const lightest = lanes.reduce((best, lane) => (lane.seconds < best.seconds ? lane : best));
    lightest.files.push(file);
    lightest.seconds += weightOf(file);
  }
  return lanes;
}
