import { expect } from 'chai';
import { describe, it } from 'node:test';
import { StreamWatch, type FrameSample } from '../../src/integrity/stream-watch.js';

/** `count` frames `everyMs` apart, from a 1280×720 stream; `change` alters each. */
function frames(count: number, everyMs: number, change: (index: number) => Partial<FrameSample> = () => ({})): FrameSample[] {
  return Array.from({ length: count }, (_, index) => ({
    hash: index,
    // A camera's clock: real time, with a few hundred µs of jitter.
    timestamp: index * everyMs * 1000 + ((index * 7919) % 400),
    at: index * everyMs,
    width: 1280,
    height: 720,
    ...change(index),
  }));
}

function watched(samples: readonly FrameSample[]) {
  const watch = new StreamWatch();
  samples.forEach((sample) => watch.observe(sample));
  return Object.fromEntries(watch.signals().map((signal) => [signal.name, signal]));
}

describe('the stream watch', () => {
  it('reports nothing before a frame is measured', () => {
    expect(new StreamWatch().signals()).to.deep.equal([]);
  });
});

describe('frozen-frames', () => {
  it('flags frames identical to the bit for two seconds', () => {
    const signal = watched(frames(30, 70, () => ({ hash: 42 })))['frozen-frames'];
    expect(signal).to.include({ flagged: true });
    expect(signal?.value).to.be.at.least(2000);
  });

  it('keeps a sensor’s ever-changing frames quiet', () => {
    expect(watched(frames(30, 70))['frozen-frames']).to.include({ flagged: false, value: 0 });
  });

  it('keeps a still picture of under a second quiet', () => {
    expect(watched(frames(30, 70, (index) => ({ hash: index < 12 ? 7 : index })))['frozen-frames']?.flagged).to.equal(false);
  });

  it('does not count one frame measured twice (the same timestamp) as a frozen one', () => {
    const twice = frames(30, 70).flatMap((sample) => [sample, { ...sample, at: sample.at + 30 }]);
    expect(watched(twice)['frozen-frames']?.flagged).to.equal(false);
  });
});

describe('frame-timing', () => {
  it('flags timestamps that go backwards (a replayed loop)', () => {
    expect(watched(frames(30, 70, (index) => (index === 20 ? { timestamp: 5 } : {})))['frame-timing']).to.include({ flagged: true, value: 'backwards' });
  });

  it('flags a stream clock running four times faster than real time', () => {
    expect(watched(frames(40, 70, (index) => ({ timestamp: index * 280_000 + (index % 3) * 300 })))['frame-timing']?.value).to.equal('drift');
  });

  it('flags a generator’s exact clock', () => {
    expect(watched(frames(40, 70, (index) => ({ timestamp: index * 2 * 33_333 })))['frame-timing']?.value).to.equal('too-regular');
  });

  it('keeps a camera’s jittered real-time clock quiet', () => {
    expect(watched(frames(40, 70))['frame-timing']).to.include({ flagged: false, value: '' });
  });

  it('says nothing of a clock that never moves (an engine that stamps a video’s frames alike), but still sees a frozen run', () => {
    const stamped = watched(frames(40, 70, () => ({ timestamp: 0, hash: 9 })));
    expect(stamped['frame-timing']).to.include({ flagged: false, value: '' });
    expect(stamped['frozen-frames']?.flagged).to.equal(true);
  });

  it('says nothing of frames without timestamps', () => {
    expect(watched(frames(40, 70, () => ({ timestamp: null })))['frame-timing']?.flagged).to.equal(false);
  });
});

describe('resolution-changed', () => {
  it('flags a stream whose size changes mid-step', () => {
    expect(watched(frames(10, 70, (index) => (index > 5 ? { width: 640, height: 480 } : {})))['resolution-changed']).to.include({ flagged: true, value: 1 });
  });

  it('keeps a phone turned sideways (width and height swapped) quiet', () => {
    expect(watched(frames(10, 70, (index) => (index > 5 ? { width: 720, height: 1280 } : {})))['resolution-changed']?.flagged).to.equal(false);
  });
});
