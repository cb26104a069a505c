// `npm test` and `npm run test:quick`: the steps in order, the checks that need no browser side by side (each one's
// output printed whole when it ends), the first failure stopping the run; then how long each step took, and the total.
//   node scripts/test-steps.js            every step: the full gate
//   node scripts/test-steps.js --quick    lint, types, Node tests, then the Chromium tests of the test files changed
//                                         since main (and those named like a changed source file)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const quick = process.argv.includes('--quick');

/** Test files a change touches: changed test files, and `test/x/y.test.ts` for a changed `src/x/y.ts`. */
function changedTestFiles() {
  const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
  let base = 'main';
  try {
    base = git('merge-base', 'HEAD', 'main')[0] ?? 'main';
  } catch {
    // No main branch here: the working tree's own changes only.
  }
  const changed = new Set([...git('diff', '--name-only', base), ...git('ls-files', '--others', '--exclude-standard')]);
  const tests = [...changed].flatMap((file) => {
    if (/^test\/.*\.test\.ts$/.test(file)) return [file];
    const source = /^src\/(.+)\.ts$/.exec(file);
    return source ? [`test/${source[1]}.test.ts`] : [];
  });
  return [...new Set(tests)].filter((file) => existsSync(file) && !file.startsWith('test/node/') && !file.startsWith('test/examples/') && !file.endsWith('.node.test.ts'));
}

const npm = (script) => ['npm', ['run', script]];
const browserFiles = quick ? changedTestFiles() : [];
/** Steps in order; an array inside runs side by side. */
const plan = quick
  ? [
      [['lint', ['npx', ['eslint', '--max-warnings', '0', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']]], ['types', npm('typecheck')], ['node', npm('test:node')]],
      ...(browserFiles.length > 0
        ? [[['chromium', ['npx', ['wtr', '--files', ...browserFiles]]]]]
        : []),
    ]
  : [
      [['browsers', ['node', ['scripts/check-browsers.js']]]],
      [['lint', npm('lint')], ['types', npm('typecheck')], ['node', npm('test:node')]],
      [['browser', npm('test:browser')]],
      [['examples', npm('test:examples')]],
    ];

/** Runs a step; side by side with others, its output is kept and printed when it ends. */
function run([name, [command, args]], alone) {
  return new Promise((resolve) => {
    const started = Date.now();
    const env = name === 'chromium' ? { ...process.env, EKYC_ENGINES: 'chromium' } : process.env;
    const child = spawn(command, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('exit', (code, signal) => {
      if (!alone) process.stdout.write(`\n── ${name} ──\n${Buffer.concat(output).toString()}`);
      resolve({ name, ok: code === 0 && !signal, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const started = Date.now();
const times = [];
if (quick) console.log(browserFiles.length > 0 ? `Chromium tests of this change: ${browserFiles.join(' ')}` : 'No browser test file is touched by this change.');
for (const steps of plan) {
  const results = await Promise.all(steps.map((step) => run(step, steps.length === 1)));
  times.push(...results);
  if (results.some(({ ok }) => !ok)) break;
}

const failed = times.filter(({ ok }) => !ok).map(({ name }) => name);
console.log('\nTest steps (side by side where listed together):');
for (const { name, seconds, ok } of times) console.log(`  ${name.padEnd(10)} ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s`);
console.log(`  ${'total'.padEnd(10)} ${failed.length > 0 ? `FAILED (${failed.join(', ')})` : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed.length > 0 ? 1 : 0);
