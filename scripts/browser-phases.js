// `npm run test:browser`: the browser tests in every engine, as two runs one after the other:
// Chromium and Firefox side by side, then WebKit alone. On a two-core machine WebKit's MiniBrowser
// (MediaPipe on its page: its workers have no WebGL) overran its waits and once hung while three
// other browsers shared the cores; alone, it passes, and the two phases take no longer in all than
// one run with every engine at once. `EKYC_ENGINES=...` runs just those engines, in one phase.
import { spawn } from 'node:child_process';
import { selectedEngines } from './engines.js';

const PHASES = [['chromium', 'firefox'], ['webkit']];

const phases = process.env.EKYC_ENGINES ? [selectedEngines()] : PHASES;
const args = process.argv.slice(2);

function runPhase(engines) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n── Browser tests in ${engines.join(' and ')} ──`);
    const child = spawn('npx', ['wtr', ...args], { stdio: 'inherit', env: { ...process.env, EKYC_ENGINES: engines.join(',') } });
    child.on('exit', (code, signal) => resolve({ engines, ok: code === 0, code: code ?? signal, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = [];
for (const engines of phases) results.push(await runPhase(engines));
console.log('\nBrowser test phases:');
for (const { engines, ok, code, seconds } of results) {
  console.log(`  ${engines.join(', ').padEnd(18)} ${ok ? 'passed' : `FAILED (exit ${code})`} in ${seconds.toFixed(0)} s`);
}
process.exit(results.every((result) => result.ok) ? 0 : 1);
