import { expect } from '@open-wc/testing';
import { describeFound, monkey } from '../monkey/monkey.js';

/** Fixed seeds, so that every run of `npm test` replays the same random interactions. */
const SEEDS = [11, 12, 13, 14];
const ACTIONS = 60;

describe('<ekyc-flow> under random interaction (seeded)', function () {
  this.timeout(240_000);

  for (const seed of SEEDS) {
    it(`seed ${seed}: ${ACTIONS} random actions break no invariant`, async () => {
      const report = await monkey(seed, ACTIONS, { shrinkMs: 60_000 });
      expect(report.failures.map((found) => describeFound(found, ACTIONS)).join('\n\n')).to.equal('');
      expect(report.actions).to.equal(ACTIONS);
    });
  }
});
