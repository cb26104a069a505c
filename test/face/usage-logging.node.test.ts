import { expect } from 'chai';
import { describe, it } from 'node:test';
import { silenceUsageLogging } from '../../src/face/detector/usage-logging.js';

describe('silenceUsageLogging', () => {
  it('marks the logger found among the task’s fields as failed', () => {
    const logger: { flush(): void; close(): void; error?: unknown } = { flush: () => undefined, close: () => undefined };
    const task = { name: 'FaceDetector', graph: { close: () => undefined }, stats: { started: 0, logger } };
    expect(silenceUsageLogging(task)).to.equal(true);
    expect(logger.error).to.be.instanceOf(Error);
  });

  it('says so when there is no logger', () => {
    expect(silenceUsageLogging({ graph: { close: () => undefined }, count: 3 })).to.equal(false);
  });
});
