import { expect } from '@open-wc/testing';
import { nextFrameDue, startFrameLoop } from '../../src/guidance/frame-loop.js';
import { waitUntil } from '../helpers/wait.js';

describe('frame loop pacing', () => {
  it('waits the least interval after a quick frame', () => {
    expect(nextFrameDue(1000, 1005, { minIntervalMs: 60 })).to.equal(1060);
  });

  it('keeps work on the page to its share of the time: a 40 ms frame at 25 % waits 160 ms from its start', () => {
    expect(nextFrameDue(1000, 1040, { minIntervalMs: 60, maxBusyShare: 0.25 })).to.equal(1160);
  });

  it('without a share, a slow frame is followed at once', () => {
    expect(nextFrameDue(1000, 1200, { minIntervalMs: 60 })).to.equal(1060);
  });

  it('analyses a live video no more often than its share allows', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d')!;
    const paint = setInterval(() => {
      context.fillStyle = `hsl(${Math.round(performance.now()) % 360} 80% 50%)`;
      context.fillRect(0, 0, 64, 48);
    }, 16);
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = canvas.captureStream(30);
    document.body.append(video);
    await video.play();
    const starts: number[] = [];
    const stop = startFrameLoop(
      video,
      () => {
        starts.push(performance.now());
        const until = performance.now() + 20;
        while (performance.now() < until) {
          // The page's thread is busy, as with a detector that has no worker.
        }
      },
      { maxBusyShare: 0.25 },
    );
    // Six analyses: five gaps to measure, however long the engine takes to deliver them.
    await waitUntil(() => starts.length >= 6, 'six frames analysed', { timeout: 20_000 });
    stop();
    clearInterval(paint);
    video.remove();
    expect(starts.length).to.be.greaterThan(1);
    const gaps = starts.slice(1).map((start, index) => start - starts[index]!);
    // 20 ms of work at a 25 % share: at least 80 ms from one start to the next.
    expect(Math.min(...gaps)).to.be.at.least(79);
  });
});
