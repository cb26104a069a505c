// `npm run test:browser`: the browser tests in every engine, as two runs one after the other:
// Chromium and Firefox side by side, then WebKit alone. On a two-core machine WebKit's MiniBrowser
// (MediaPipe on its page: its workers have no WebGL) overran its waits when three other browsers
// shared the cores; alone, it passes, and the two phases take about as long as one run with every
// engine at once. `EKYC_ENGINES=...` runs just those engines, in one phase.
//
// WebKitGTK's MiniBrowser sometimes stops answering its driver mid-file (in 3 of 7 WebKit runs
// here, in two different files, never when the file runs alone): the file then fails with no test failed. A phase that
// failed only that way is run once more, and says so; one failed test fails the phase at once.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectedEngines } from './engines.js';

const PHASES = [['chromium', 'firefox'], ['webkit']];

const phases = process.env.EKYC_ENGINES ? [selectedEngines()] : PHASES;
const args = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'ekyc-phases-'));

/** One run of web-test-runner in `engines`: whether it passed, and the engines' counts. */
function runOnce(engines, label) {
  return new Promise((resolve) => {
    const started = Date.now();
    const summaryFile = join(scratch, `${engines.join('-')}-${label}.json`);
    console.log(`\n── Browser tests in ${engines.join(' and ')}${label === 'first' ? '' : ', again'} ──`);
    const child = spawn('npx', ['wtr', ...args], {
      stdio: 'inherit',
      env: { ...process.env, EKYC_ENGINES: engines.join(','), EKYC_SUMMARY_FILE: summaryFile },
    });
    child.on('exit', (code, signal) => {
      let counts = [];
      try {
        counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
      } catch {
        // No summary: the run ended before its reporters (a missing browser, a bad argument).
      }
      resolve({ ok: code === 0, code: code ?? signal, counts, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** Files failed, yet no test did: browsers that stopped answering, not a test that found something. */
const onlyUnansweredFiles = ({ counts }) =>
  counts.length > 0 && counts.every(({ failed }) => failed === 0) && counts.some(({ failedFiles }) => failedFiles > 0);

const results = [];
for (const engines of phases) {
  const first = await runOnce(engines, 'first');
  results.push({ engines, run: 'run', ...first });
  if (!first.ok && onlyUnansweredFiles(first)) {
    const files = first.counts.map(({ engine, failedFiles }) => `${engine} ${failedFiles}`).join(', ');
    console.log(`\n${engines.join(', ')}: files failed with no test failed (${files}): a browser stopped answering; running the phase again.`);
    results.push({ engines, run: 'run again', ...(await runOnce(engines, 'again')) });
  }
}
rmSync(scratch, { recursive: true, force: true });

console.log('\nBrowser test phases:');
for (const { engines, run, ok, code, seconds } of results) {
  console.log(`  ${engines.join(', ').padEnd(18)} ${run.padEnd(9)} ${ok ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s`);
}
// Each phase counts by its last run.
const lastRuns = phases.map((engines) => results.filter((result) => result.engines === engines).at(-1));
process.exit(lastRuns.every((result) => result.ok) ? 0 : 1);
