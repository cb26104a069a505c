// A web-test-runner reporter that ends the run with one line per engine: its version, test files,
// tests passed and failed, whatever groups (cameras) its sessions ran in. With `EKYC_SUMMARY_FILE`,
// it also writes the counts and the failed tests there as JSON (scripts/browser-phases.js reads them).
import { appendFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function countTests(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countTests(child, counts);
}

/**
 * Tallies sessions by engine: `{ engine, files, failedFiles, passed, failed, skipped, unanswered }`
 * each, where `unanswered` lists the files that failed with no test failed (a browser that stopped
 * answering, or crashed, partway through), relative to the working directory.
 */
export function tallyByEngine(sessions) {
  const engines = new Map();
  for (const session of sessions) {
    const engine = session.browser.name;
    const counts = engines.get(engine) ?? {
      engine,
      version: session.browser.engineVersion,
      files: 0,
      failedFiles: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      unanswered: [],
    };
    counts.version ??= session.browser.engineVersion;
    counts.files += 1;
    const failedBefore = counts.failed;
    if (session.testResults) countTests(session.testResults, counts);
    if (!session.passed) {
      counts.failedFiles += 1;
      if (counts.failed === failedBefore) counts.unanswered.push(relative(process.cwd(), session.testFile));
    }
    engines.set(engine, counts);
  }
  return [...engines.values()];
}

function testTime(suite) {
  return suite.tests.reduce((sum, test) => sum + (test.duration ?? 0), 0) + suite.suites.reduce((sum, child) => sum + testTime(child), 0);
}

/** With `EKYC_TIMINGS=1`: the ten slowest test files of each engine, by the time their tests took. */
function slowestFiles(sessions) {
  const lines = ['Slowest test files (time in tests):'];
  for (const { engine } of tallyByEngine(sessions)) {
    const files = sessions
      .filter((session) => session.browser.name === engine && session.testResults)
      .map((session) => ({ file: session.testFile, ms: testTime(session.testResults) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    lines.push(`  ${engine}:`, ...files.map(({ file, ms }) => `    ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}`));
  }
  return lines;
}

/** Every test's time, by engine and file: `EKYC_TIMINGS_FILE` gets them as JSON lines, for finding what is slow. */
function testTimes(suite, path, into) {
  for (const test of suite.tests) into.push({ name: [...path, test.name].join(' > '), ms: test.duration ?? 0 });
  for (const child of suite.suites) testTimes(child, [...path, child.name], into);
  return into;
}

/** Each file's time in tests, by engine: what the phases' summary ranks. */
export function fileTimes(sessions) {
  return sessions
    .filter((session) => session.testResults)
    .map((session) => ({ engine: session.browser.name, file: relative(process.cwd(), session.testFile), ms: testTime(session.testResults) }));
}

function failedTests(suite, path, into) {
  for (const test of suite.tests) {
    if (!test.skipped && !test.passed) into.push({ name: [...path, test.name].join(' > '), message: test.error?.message });
  }
  for (const child of suite.suites) failedTests(child, [...path, child.name], into);
  return into;
}

/**
 * Every failed test and failed file, by engine and file, with the first line of its error: the
 * end of a long log then says what failed, not only how many.
 */
export function failureLines(sessions) {
  const lines = [];
  for (const session of sessions) {
    if (session.passed) continue;
    const tests = session.testResults ? failedTests(session.testResults, [], []) : [];
    const fileErrors = (session.errors ?? []).map((error) => error.message);
    lines.push(`  ${session.browser.name}  ${session.testFile}${session.group?.name ? ` (${session.group.name})` : ''}`);
    for (const { name, message } of tests) lines.push(`      ✗ ${name}${message ? `: ${message.split('\n')[0].slice(0, 240)}` : ''}`);
    for (const message of fileErrors) lines.push(`      ✗ file: ${String(message).split('\n')[0].slice(0, 240)}`);
  }
  return lines.length > 0 ? ['Failed:', ...lines] : [];
}

/**
 * @param {{ versions?: Record<string, string> }} [options] versions by engine name, printed beside
 * it (a launcher's own `engineVersion`, when it has one, comes first)
 */
export function engineSummaryReporter({ versions = {} } = {}) {
  let logger;
  /** When each session started and finished, by id: where the lanes' time goes, beyond the tests' own. */
  const wall = new Map();
  return {
    start({ config, sessions }) {
      logger = config.logger;
      sessions.on('session-status-updated', (session) => {
        const times = wall.get(session.id) ?? {};
        if (session.status === 'INITIALIZING') times.start ??= Date.now();
        if (session.status === 'FINISHED') times.end = Date.now();
        wall.set(session.id, times);
      });
    },
    stop({ sessions }) {
      const tally = tallyByEngine(sessions);
      const lines = tally.map(({ engine, version: ownVersion, files, failedFiles, passed, failed, skipped }) => {
        const known = ownVersion ?? versions[engine];
        const version = known ? ` ${known}` : '';
        const failures = failed > 0 || failedFiles > 0 ? `, ${failed} failed (${failedFiles} file${failedFiles === 1 ? '' : 's'} failing)` : ', 0 failed';
        return `  ${`${engine}${version}:`.padEnd(24)} ${String(passed).padStart(4)} passed${failures}${skipped ? `, ${skipped} skipped` : ''} in ${files} test files`;
      });
      const failures = failureLines(sessions);
      logger.log(['', 'Tests by engine:', ...lines, '', ...failures].join('\n'));
      if (process.env.EKYC_SUMMARY_FILE) writeFileSync(process.env.EKYC_SUMMARY_FILE, JSON.stringify({ tally, failures, files: fileTimes(sessions) }));
      if (process.env.EKYC_TIMINGS_FILE) {
        const rows = sessions
          .filter((session) => session.testResults)
          .flatMap((session) =>
            testTimes(session.testResults, [], []).map((test) => ({ engine: session.browser.name, file: relative(process.cwd(), session.testFile), ...test })),
          );
        for (const session of sessions) {
          const { start, end } = wall.get(session.id) ?? {};
          rows.push({ engine: session.browser.name, file: relative(process.cwd(), session.testFile), group: session.group?.name, session: true, start, end });
        }
        appendFileSync(process.env.EKYC_TIMINGS_FILE, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
      }
      if (process.env.EKYC_TIMINGS) logger.log(slowestFiles(sessions).join('\n'));
    },
  };
}
