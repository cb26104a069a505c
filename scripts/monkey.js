#!/usr/bin/env node
// npm run monkey -- [--seed N] [--actions 5000] [--keep 3,17,42] [--shrink-seconds 180]
// Runs the seeded random interactions of test/monkey/ in one browser (Chromium unless EKYC_ENGINES names
// another), prints actions per second and every distinct invariant failure, with the command that replays it.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    actions: { type: 'string', default: '5000' },
    keep: { type: 'string' },
    'shrink-seconds': { type: 'string', default: '180' },
  },
});
const seed = values.seed ?? String(Math.floor(Math.random() * 1_000_000));
for (const [name, value] of [['seed', seed], ['actions', values.actions], ['shrink-seconds', values['shrink-seconds']]]) {
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} takes a whole number, not ${value}`);
    process.exit(2);
  }
}
if (values.keep !== undefined && !/^\d+(,\d+)*$/.test(values.keep)) {
  console.error(`--keep takes indices separated by commas, not ${values.keep}`);
  process.exit(2);
}
console.log(`monkey: seed ${seed}, ${values.actions} actions${values.keep ? `, only ${values.keep}` : ''}`);
const result = spawnSync('npx', ['wtr', '--config', 'web-test-runner.monkey.config.js'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    EKYC_ENGINES: process.env.EKYC_ENGINES ?? 'chromium',
    MONKEY_SEED: seed,
    MONKEY_ACTIONS: values.actions,
    MONKEY_SHRINK_MS: String(Number(values['shrink-seconds']) * 1000),
    ...(values.keep ? { MONKEY_KEEP: values.keep } : {}),
  },
});
process.exit(result.status ?? 1);
