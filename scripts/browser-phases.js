// `npm run test:browser`: the browser tests in every engine, as two runs one after the other:
// Chromium and Firefox side by side, then WebKit alone. On a two-core machine WebKit's MiniBrowser
// (MediaPipe on its page: its workers have no WebGL) overran its waits when three other browsers
// shared the cores; alone, it passes, and the two phases take about as long as one run with every
// engine at once. `EKYC_ENGINES=...` runs just those engines, in one phase.
//
// WebKitGTK's page stopped answering its driver mid-file (in 5 of 16 WebKit runs here, a different file
// each time). Found: a deadlock in its GStreamer player when the tracks of a stream a <video> still plays
// are stopped (the page's thread waits for the video sink's pad lock; the sink's thread holds it, waiting
// for the page's thread to draw). `WEBKIT_DISABLE_COMPOSITING_MODE=1` makes it happen nearly every time:
// a flow to `done` and back hung in 5 runs of 5. The element now takes a stream out of its preview before
// stopping its tracks (src/camera/previews.ts), and the same flow passed 10 runs of 11 there.
// As a safety net, a file that failed with no test failed (a browser that stopped answering) runs once more,
// alone, and the phase says so; one failed test fails the phase at once, and a file that fails again fails it too.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_NAMES, selectedEngines } from './engines.js';

const PHASES = [['chromium', 'firefox'], ['webkit']];

const phases = process.env.EKYC_ENGINES ? [selectedEngines()] : PHASES;
const args = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'ekyc-phases-'));
/** What WebKitWebDriver and its MiniBrowsers print: shown when a browser stopped answering. */
const webkitLog = join(scratch, 'webkit.log');

/** The last lines WebKit's driver and browsers printed, if any. */
function webkitLogTail(lines = 40) {
  if (!existsSync(webkitLog)) return [];
  return readFileSync(webkitLog, 'utf8').split('\n').filter((line) => line.trim() !== '').slice(-lines);
}

/** One run of web-test-runner in `engines`: whether it passed, the engines' counts and what failed. */
function runOnce(engines, label, extraArgs = []) {
  return new Promise((resolve) => {
    const started = Date.now();
    const summaryFile = join(scratch, `${engines.join('-')}-${label}.json`);
    const what = extraArgs.length > 0 ? `: ${extraArgs.at(-1)}` : '';
    console.log(`\n── Browser tests in ${engines.join(' and ')}${label === 'first' ? '' : ', again'}${what} ──`);
    const child = spawn('npx', ['wtr', ...args, ...extraArgs], {
      stdio: 'inherit',
      env: { ...process.env, EKYC_ENGINES: engines.join(','), EKYC_SUMMARY_FILE: summaryFile, EKYC_WEBKIT_LOG: webkitLog },
    });
    child.on('exit', (code, signal) => {
      let summary = { tally: [], failures: [], files: [] };
      try {
        summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
      } catch {
        // No summary: the run ended before its reporters (a missing browser, a bad argument).
      }
      const { tally: counts, failures, files = [] } = summary;
      resolve({ ok: code === 0, code: code ?? signal, counts, failures, files, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** The `EKYC_ENGINES` name of an engine as the runner names it ("Chromium", "Chrome", "Firefox", "WebKit"). */
const engineKey = (name) => ENGINE_NAMES.find((key) => name.toLowerCase().includes(key === 'chromium' ? 'chrom' : key)) ?? name;

/** Files that failed with no test failed, by engine: browsers that stopped answering, not tests that found something. */
function unansweredFiles({ counts }) {
  if (counts.length === 0 || counts.some(({ failed }) => failed > 0)) return [];
  const files = counts.flatMap(({ engine, unanswered }) => unanswered.map((file) => ({ engine, file })));
  const failedFiles = counts.reduce((sum, { failedFiles }) => sum + failedFiles, 0);
  return files.length === failedFiles ? files : [];
}

/**
 * What runs `file` again alone: a camera test by its group (`--files` would also run it in the default group, with no
 * picture in front of the camera), any other by `--files`.
 */
function rerunArguments(file) {
  const camera = /\.([\w-]+)\.camera\.test\.ts$/.exec(file);
  return camera ? ['--group', `camera-${camera[1]}`] : ['--files', file];
}

const results = [];
for (const engines of phases) {
  const first = await runOnce(engines, 'first');
  results.push({ engines, run: 'run', ...first });
  const retries = first.ok ? [] : unansweredFiles(first);
  if (retries.length === 0) continue;
  console.log(`\n${engines.join(', ')}: files failed with no test failed (a browser stopped answering); running each of them again, alone:`);
  for (const { engine, file } of retries) console.log(`  ${engine}  ${file}`);
  const printed = retries.some(({ engine }) => engineKey(engine) === 'webkit') ? webkitLogTail() : [];
  if (printed.length > 0) console.log(`What WebKit's driver and browsers printed last:\n${printed.map((line) => `  | ${line}`).join('\n')}`);
  const again = [];
  for (const { engine, file } of retries) again.push(await runOnce([engineKey(engine)], `again-${again.length}`, rerunArguments(file)));
  results.push({
    engines,
    run: 'files again',
    ok: again.every(({ ok }) => ok),
    code: again.find(({ ok }) => !ok)?.code ?? 0,
    failures: again.flatMap(({ failures }) => failures),
    files: again.flatMap(({ files }) => files),
    seconds: again.reduce((sum, { seconds }) => sum + seconds, 0),
  });
}
rmSync(scratch, { recursive: true, force: true });

console.log('\nBrowser test phases:');
for (const { engines, run, ok, code, seconds } of results) {
  console.log(`  ${engines.join(', ').padEnd(18)} ${run.padEnd(11)} ${ok ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s`);
}
console.log(`  ${'all phases'.padEnd(30)} ${results.reduce((sum, { seconds }) => sum + seconds, 0).toFixed(0)} s`);
const slowest = results.flatMap(({ files }) => files).sort((a, b) => b.ms - a.ms).slice(0, 5);
if (slowest.length > 0) {
  console.log('\nSlowest test files (time in tests):');
  for (const { engine, file, ms } of slowest) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${engine.padEnd(10)} ${file}`);
}
// Repeated here because a later phase's log pushes each phase's own list far up.
for (const { engines, run, ok, failures } of results) {
  if (ok || failures.length === 0) continue;
  console.log(`\n${engines.join(', ')}, ${run}:\n${failures.join('\n')}`);
}
// Each phase counts by its last run.
const lastRuns = phases.map((engines) => results.filter((result) => result.engines === engines).at(-1));
process.exit(lastRuns.every((result) => result.ok) ? 0 : 1);
