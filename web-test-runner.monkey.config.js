// The long random run: `npm run monkey -- --seed N --actions 5000 [--keep 3,17]` (see scripts/monkey.js).
import base from './web-test-runner.config.js';

const settings = {
  seed: Number(process.env.MONKEY_SEED ?? 1),
  actions: Number(process.env.MONKEY_ACTIONS ?? 5000),
  keep: process.env.MONKEY_KEEP ? process.env.MONKEY_KEEP.split(',').map(Number) : null,
  shrinkMs: Number(process.env.MONKEY_SHRINK_MS ?? 180_000),
};

export default {
  ...base,
  files: ['test/monkey/long-run.ts'],
  groups: [],
  // One engine: the first one selected (scripts/monkey.js selects Chromium unless EKYC_ENGINES says otherwise).
  browsers: base.browsers.slice(0, 1),
  concurrentBrowsers: 1,
  testsFinishTimeout: 6 * 60 * 60_000,
  testFramework: { config: { timeout: 0 } },
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8" /></head>
  <body>
    <script>window.monkeySettings = ${JSON.stringify(settings)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  plugins: [
    ...base.plugins,
    {
      name: 'monkey-log',
      executeCommand({ command, payload }) {
        if (command !== 'monkey-log') return undefined;
        console.log(String(payload));
        return true;
      },
    },
  ],
};
