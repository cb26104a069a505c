import { expect } from '@open-wc/testing';
import { createDocumentAnalyzer } from '../../src/quality/analyzer.js';
import { judgeDocumentFrame } from '../../src/quality/judge.js';
import type { DocumentFrameReport } from '../../src/quality/types.js';
import { analyseScene } from './fixtures/frames.js';
import { renderScene } from './fixtures/scene.js';

/** Replaces `Worker` while `run` runs. */
async function withWorker<T>(replacement: unknown, run: () => Promise<T>): Promise<T> {
  const original = window.Worker;
  window.Worker = replacement as typeof Worker;
  try {
    return await run();
  } finally {
    window.Worker = original;
  }
}

/** A worker that starts, then fails as a script that cannot load does. */
class FailingWorker extends EventTarget {
  postMessage(): void {
    queueMicrotask(() => this.dispatchEvent(new Event('error', { cancelable: true })));
  }

  terminate(): void {
    // nothing runs
  }
}

const measured = ({ card, exposure, glare, sharpness, thumbnail }: DocumentFrameReport) => ({
  card,
  exposure,
  glare,
  sharpness,
  thumbnail,
});

describe('the document analyzer', () => {
  it('measures in a worker by default', async () => {
    const { scene, guide } = await analyseScene({ card: 'idr-front', background: 'desk' });
    const analyzer = createDocumentAnalyzer();
    const result = await analyzer.analyze(scene, guide);
    analyzer.dispose();
    expect(result.thread).to.equal('worker');
  });

  it('times the copy, the measuring and the whole call, the measuring inside the round trip', async () => {
    const { scene, guide } = await analyseScene({ card: 'idr-front', background: 'desk' });
    for (const worker of [true, false]) {
      const analyzer = createDocumentAnalyzer({ worker });
      const { timing } = await analyzer.analyze(scene, guide);
      analyzer.dispose();
      expect(timing.measure, `worker: ${String(worker)}`).to.be.greaterThan(0);
      expect(timing.grab + timing.measure).to.be.at.most(timing.total + 0.5);
    }
  });

  it('gives the worker’s report the same values and verdict as the pure analysis', async () => {
    const glare = { radius: 30 };
    const { scene, guide, report } = await analyseScene({ card: 'passport', background: 'wood', glare });
    const analyzer = createDocumentAnalyzer();
    const result = await analyzer.analyze(scene, guide);
    analyzer.dispose();
    expect(measured(result)).to.deep.equal(measured(report));
    expect(result.verdict).to.deep.equal(judgeDocumentFrame(report));
    expect(result.verdict.hint).to.equal('glare');
  });

  it('measures on the calling thread when asked to', async () => {
    const { scene, guide, report } = await analyseScene({ card: 'dlr', background: 'dark' });
    const analyzer = createDocumentAnalyzer({ worker: false });
    const result = await analyzer.analyze(scene, guide);
    expect(result.thread).to.equal('main');
    expect(measured(result)).to.deep.equal(measured(report));
  });

  it('measures on the calling thread when no worker can start', async () => {
    const { scene, guide } = await analyseScene({ card: 'idr-back', background: 'desk' });
    const result = await withWorker(
      function blocked() {
        throw new Error('Blocked by the page’s policy');
      },
      () => createDocumentAnalyzer().analyze(scene, guide),
    );
    expect(result.thread).to.equal('main');
    expect(result.verdict.ok).to.equal(true);
  });

  it('measures a frame on the calling thread when the worker fails to load', async () => {
    const { scene, guide } = await analyseScene({ card: 'idr-back', background: 'desk' });
    const analyzer = await withWorker(FailingWorker, () => Promise.resolve(createDocumentAnalyzer()));
    const result = await analyzer.analyze(scene, guide);
    expect(result.thread).to.equal('main');
    expect(analyzer.thread).to.equal('main');
    expect(result.verdict.ok).to.equal(true);
  });

  it('measures motion against the frame of the previous call', async () => {
    const still = await renderScene({ card: 'idr-front', background: 'desk' });
    const moved = await renderScene({ card: 'idr-front', background: 'desk', pan: 12 });
    const { guide } = await analyseScene({ card: 'idr-front', background: 'desk' });
    const analyzer = createDocumentAnalyzer();
    const first = await analyzer.analyze(still, guide);
    const second = await analyzer.analyze(moved, guide);
    analyzer.dispose();
    expect(first.motion).to.equal(null);
    expect(second.verdict.hint).to.equal('hold-still');
  });

  it('judges with the limits it was given', async () => {
    const { scene, guide } = await analyseScene({ card: 'idr-front', background: 'wood' });
    const analyzer = createDocumentAnalyzer({ thresholds: { minSharpness: 3.5 } });
    const result = await analyzer.analyze(scene, guide);
    analyzer.dispose();
    expect(result.verdict.hint).to.equal('blurry');
  });

  it('measures a frame far smaller than the analysed size without failing', async () => {
    const tiny = new OffscreenCanvas(48, 32);
    const analyzer = createDocumentAnalyzer({ worker: false });
    const result = await analyzer.analyze(tiny, { x: 6, y: 4, width: 36, height: 24 });
    expect(result.verdict.ok).to.equal(false);
    expect([result.layout.width, result.layout.height]).to.deep.equal([48, 32]);
  });

  it('refuses a video that has no frame yet', async () => {
    const analyzer = createDocumentAnalyzer({ worker: false });
    let error: unknown;
    try {
      await analyzer.analyze(document.createElement('video'), { x: 0, y: 0, width: 10, height: 10 });
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.contain('no pixels');
  });

  it('refuses to measure once disposed', async () => {
    const { scene, guide } = await analyseScene({ card: 'idr-front', background: 'wood' });
    const analyzer = createDocumentAnalyzer();
    analyzer.dispose();
    let error: unknown;
    try {
      await analyzer.analyze(scene, guide);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(Error);
  });
});
