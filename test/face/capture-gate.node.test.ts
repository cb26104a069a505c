import { expect } from 'chai';
import { describe, it } from 'node:test';
import { SELFIE_CAPTURE_FRAMES, initialCaptureGate, nextCaptureGate, type SelfieCaptureGate } from '../../src/face/rules/capture-gate.js';
import type { SelfieCheck } from '../../src/face/rules/selfie-check.js';
import { faceAt } from './face-builders.js';

const ready = (x = 0.5): SelfieCheck => ({ hint: 'ready', face: faceAt(x, 0.45, 0.3) });

function feed(checks: SelfieCheck[], frames?: number): SelfieCaptureGate[] {
  const states: SelfieCaptureGate[] = [];
  let gate = initialCaptureGate;
  for (const check of checks) {
    gate = nextCaptureGate(gate, check, frames === undefined ? {} : { frames });
    states.push(gate);
  }
  return states;
}

describe('nextCaptureGate', () => {
  it(`fires once, on the ${SELFIE_CAPTURE_FRAMES}th consecutive ready frame`, () => {
    const states = feed(Array.from({ length: SELFIE_CAPTURE_FRAMES + 5 }, () => ready()));
    expect(states.map((state) => state.fire).indexOf(true)).to.equal(SELFIE_CAPTURE_FRAMES - 1);
    expect(states.filter((state) => state.fire)).to.have.length(1);
  });

  it('starts over when a frame is not ready', () => {
    const checks = [ready(), ready(), ready(), { hint: 'off-centre' } as const, ready(), ready(), ready()];
    expect(feed(checks, 4).some((state) => state.fire)).to.equal(false);
    expect(feed([...checks, ready()], 4).at(-1)?.fire).to.equal(true);
  });

  it('starts over when the face jumps between frames', () => {
    const checks = [ready(0.5), ready(0.5), ready(0.5), ready(0.56), ready(0.56), ready(0.56)];
    const states = feed(checks, 4);
    expect(states.some((state) => state.fire)).to.equal(false);
    expect(states.at(-1)?.streak).to.equal(3);
  });

  it('keeps counting a face that drifts slowly', () => {
    const checks = [0.5, 0.51, 0.52, 0.53].map((x) => ready(x));
    expect(feed(checks, 4).at(-1)?.fire).to.equal(true);
  });

  it('never fires on frames with several faces', () => {
    const checks = Array.from({ length: 30 }, (): SelfieCheck => ({ hint: 'multiple-faces' }));
    expect(feed(checks).some((state) => state.fire)).to.equal(false);
  });
});
