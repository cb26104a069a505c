import { expect } from 'chai';
import { describe, it } from 'node:test';
import { defaultOvalGuide } from '../../src/face/rules/oval-guide.js';
import { checkSelfie } from '../../src/face/rules/selfie-check.js';
import { faceAt } from './face-builders.js';

const frame = { width: 480, height: 640 };
const guide = defaultOvalGuide(frame);
const centred = (height = 0.3) => faceAt(guide.centerX, guide.centerY, height, frame);

describe('checkSelfie', () => {
  it('asks for a face when there is none', () => {
    expect(checkSelfie([], frame)).to.deep.equal({ hint: 'no-face' });
  });

  it('reports several faces before anything about any one of them', () => {
    const tooClose = centred(0.9);
    expect(checkSelfie([centred(), tooClose], frame).hint).to.equal('multiple-faces');
  });

  it('is ready for one face of the right size in the middle of the oval', () => {
    const face = centred();
    expect(checkSelfie([face], frame)).to.deep.equal({ hint: 'ready', face });
  });

  it('says too far when the face is small in the oval', () => {
    expect(checkSelfie([centred(0.15)], frame).hint).to.equal('too-far');
  });

  it('says too close when the face is large, even when it also overflows the frame', () => {
    expect(checkSelfie([centred(0.55)], frame).hint).to.equal('too-close');
    expect(checkSelfie([faceAt(0.1, 0.45, 0.6, frame)], frame).hint).to.equal('too-close');
  });

  it('says partly out when the box crosses an edge, and which way to move', () => {
    const check = checkSelfie([faceAt(0.9, guide.centerY, 0.3, frame)], frame, { mirrored: false });
    expect(check.hint).to.equal('partly-out');
    expect(check.move).to.equal('left');
  });

  it('prefers partly out to too far for a small face cut by the edge', () => {
    expect(checkSelfie([faceAt(0.02, guide.centerY, 0.15, frame)], frame).hint).to.equal('partly-out');
  });

  it('says off centre with the direction to move, as the user sees a mirrored preview', () => {
    const rightInCamera = faceAt(guide.centerX + 0.6 * guide.radiusX, guide.centerY, 0.3, frame);
    expect(checkSelfie([rightInCamera], frame)).to.include({ hint: 'off-centre', move: 'right' });
    expect(checkSelfie([rightInCamera], frame, { mirrored: false })).to.include({ hint: 'off-centre', move: 'left' });
  });

  it('asks to move up or down when the vertical offset dominates', () => {
    const low = faceAt(guide.centerX, guide.centerY + 0.5 * guide.radiusY, 0.3, frame);
    const high = faceAt(guide.centerX, guide.centerY - 0.5 * guide.radiusY, 0.3, frame);
    expect(checkSelfie([low], frame)).to.include({ hint: 'off-centre', move: 'up' });
    expect(checkSelfie([high], frame)).to.include({ hint: 'off-centre', move: 'down' });
  });

  it('tolerates a small offset from the centre', () => {
    const nearly = faceAt(guide.centerX + 0.2 * guide.radiusX, guide.centerY - 0.2 * guide.radiusY, 0.3, frame);
    expect(checkSelfie([nearly], frame).hint).to.equal('ready');
  });

  it('uses the guide and thresholds it is given', () => {
    const face = faceAt(0.3, 0.3, 0.2, frame);
    const guideThere = { centerX: 0.3, centerY: 0.3, radiusX: 0.2, radiusY: 0.2 };
    expect(checkSelfie([face], frame).hint).to.not.equal('ready');
    expect(checkSelfie([face], frame, { guide: guideThere }).hint).to.equal('ready');
    expect(checkSelfie([face], frame, { guide: guideThere, minFaceSize: 0.6 }).hint).to.equal('too-far');
  });
});

describe('defaultOvalGuide', () => {
  it('is a head-shaped oval of 60 % of the frame height on a portrait frame', () => {
    const oval = defaultOvalGuide(frame);
    expect(oval.radiusY * 2).to.be.closeTo(0.6, 1e-9);
    expect((oval.radiusX * 2 * frame.width) / (oval.radiusY * 2 * frame.height)).to.be.closeTo(0.75, 1e-9);
  });

  it('stays inside a tall, narrow frame', () => {
    const oval = defaultOvalGuide({ width: 400, height: 1000 });
    expect(oval.radiusX * 2).to.be.at.most(0.8 + 1e-9);
  });
});
