/**
 * The long random run of `npm run monkey` (scripts/monkey.js): not part of `npm test`. Its settings come from the
 * page (`window.monkeySettings`, written by web-test-runner.monkey.config.js); progress and failures are printed
 * by the test runner's process as they happen.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { monkeyWorld } from './driver.js';
import { monkey } from './monkey.js';
import { coverage } from './watcher.js';

interface MonkeySettings {
  seed: number;
  actions: number;
  keep: number[] | null;
  shrinkMs: number;
}

const settings = (window as unknown as { monkeySettings: MonkeySettings }).monkeySettings;
const print = (line: string): void => void executeServerCommand('monkey-log', line);

describe('npm run monkey', function () {
  this.timeout(0);

  it(`seed ${settings.seed}: ${settings.actions} random actions`, async () => {
    let done = 0;
    const started = performance.now();
    const rate = (): string => (done / ((performance.now() - started) / 1000)).toFixed(1);
    const report = await monkey(settings.seed, settings.actions, {
      keep: settings.keep ?? undefined,
      shrinkMs: settings.shrinkMs,
      log: (line) => print(`\n${line}\n`),
      onAction: () => {
        done += 1;
        if (done % 250 === 0) print(`seed ${settings.seed}: ${done} actions, ${rate()} actions/s`);
      },
    });
    print(
      `seed ${settings.seed}: ${report.actions} actions in ${(report.ms / 1000).toFixed(0)} s, ` +
        `${(report.actions / (report.ms / 1000)).toFixed(1)} actions/s, ${report.failures.length} distinct invariant failure(s)`,
    );
    const { emulator } = await monkeyWorld();
    const answers = new Map<string, number>();
    for (const request of emulator.requests) {
      const key = `${request.endpoint} ${request.status ?? 'no answer'}`;
      answers.set(key, (answers.get(key) ?? 0) + 1);
    }
    print(`emulator: ${[...answers].map(([key, times]) => `${key} ×${times}`).join(', ')}`);
    print(`reached: ${[...coverage].sort(([a], [b]) => a.localeCompare(b)).map(([key, times]) => `${key} ×${times}`).join(', ')}`);
    expect(report.failures.map((found) => `${found.invariant}: ${found.message}`)).to.deep.equal([]);
  });
});
