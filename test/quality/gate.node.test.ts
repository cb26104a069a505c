import { expect } from 'chai';
import { describe, it } from 'node:test';
import {
  advanceGate,
  DOCUMENT_CAPTURE_FRAMES,
  closeGate,
  openGate,
  type DocumentCaptureGate,
  type GateStep,
} from '../../src/quality/gate.js';
import type { DocumentVerdict } from '../../src/quality/types.js';

const pass: DocumentVerdict = { ok: true, hint: 'ready' };
const blurry: DocumentVerdict = { ok: false, hint: 'blurry' };
const failing = { verdict: blurry, sharpness: 0.3 };

/** Feeds frames named by their sharpness; returns every step. */
function feed(frames: { verdict: DocumentVerdict; sharpness: number }[], start: DocumentCaptureGate<string> = openGate()) {
  let gate = start;
  const steps: GateStep<string>[] = [];
  frames.forEach((frame, k) => {
    const step = advanceGate(gate, { ...frame, frame: `frame ${k} (${frame.sharpness})` });
    steps.push(step);
    gate = step.gate;
  });
  return { gate, steps };
}

const passing = (count: number, sharpness = 2) => Array.from({ length: count }, () => ({ verdict: pass, sharpness }));

describe('the auto-capture gate', () => {
  it(`fires after ${DOCUMENT_CAPTURE_FRAMES} passing frames in a row`, () => {
    const { steps } = feed(passing(DOCUMENT_CAPTURE_FRAMES));
    expect(steps.map((step) => step.capture !== null)).to.deep.equal([
      ...Array<boolean>(DOCUMENT_CAPTURE_FRAMES - 1).fill(false),
      true,
    ]);
  });

  it('shows hold-still while the run builds up, and ready when it fires', () => {
    const { steps } = feed(passing(DOCUMENT_CAPTURE_FRAMES));
    expect(steps.map((step) => step.hint)).to.deep.equal([
      ...Array<string>(DOCUMENT_CAPTURE_FRAMES - 1).fill('hold-still'),
      'ready',
    ]);
  });

  it('hands out the sharpest frame of the run', () => {
    const sharpness = [2.1, 2.6, 1.9, 2.4, 2.2].slice(0, DOCUMENT_CAPTURE_FRAMES);
    const { steps } = feed(sharpness.map((value) => ({ verdict: pass, sharpness: value })));
    expect(steps.at(-1)?.capture).to.equal('frame 1 (2.6)');
  });

  it('starts over after a failing frame', () => {
    const frames = [...passing(DOCUMENT_CAPTURE_FRAMES - 1), failing, ...passing(DOCUMENT_CAPTURE_FRAMES - 1)];
    const { steps, gate } = feed(frames);
    expect(steps.some((step) => step.capture !== null)).to.equal(false);
    expect(gate.passed).to.equal(DOCUMENT_CAPTURE_FRAMES - 1);
  });

  it('shows the hint of a failing frame', () => {
    const { steps } = feed([failing]);
    expect(steps[0]?.hint).to.equal('blurry');
  });

  it('fires only once in a run', () => {
    const { steps } = feed(passing(DOCUMENT_CAPTURE_FRAMES * 3));
    expect(steps.filter((step) => step.capture !== null)).to.have.length(1);
  });

  it('fires again after a failing frame ends the run that fired', () => {
    const frames = [...passing(DOCUMENT_CAPTURE_FRAMES), failing, ...passing(DOCUMENT_CAPTURE_FRAMES)];
    const { steps } = feed(frames);
    expect(steps.filter((step) => step.capture !== null)).to.have.length(2);
  });

  it('gives every frame back exactly once, as the capture or released', () => {
    const frames = [
      ...passing(2, 1.5),
      { verdict: blurry, sharpness: 0.2 },
      ...[2.2, 2.9, 2.5, 2.0, 2.7, 2.8, 2.1].map((sharpness) => ({ verdict: pass, sharpness })),
    ];
    const { steps, gate } = feed(frames);
    const returned = [
      ...steps.flatMap((step) => [...step.released, ...(step.capture ? [step.capture] : [])]),
      ...closeGate(gate),
    ];
    expect([...returned].sort()).to.deep.equal(frames.map((frame, k) => `frame ${k} (${frame.sharpness})`).sort());
  });
});
