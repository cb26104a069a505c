import { expect } from '@open-wc/testing';
import { documentDirection, selfieDirection } from '../../src/guidance/directions.js';
import { analyzeDocumentFrame } from '../../src/quality/analyze.js';
import { createRegionGrabber } from '../../src/quality/grab.js';
import { judgeDocumentFrame } from '../../src/quality/judge.js';
import { documentLayout } from '../../src/quality/layout.js';
import { cardScene, documentGuide, type CardPlace } from '../helpers/scene-camera.js';

const grab = createRegionGrabber();

/** What the checks say of a 1280×720 frame with the card at `place` against the guide the element draws. */
async function directionOf(place: Partial<CardPlace>, card: 'idr-front' | 'idr-back' = 'idr-front') {
  const scene = await cardScene(card, { scale: 0.9, x: 0, y: 0, ...place });
  const layout = documentLayout({ width: scene.width, height: scene.height }, documentGuide(scene.width, scene.height));
  const report = analyzeDocumentFrame(grab(scene, layout), layout);
  const verdict = judgeDocumentFrame(report);
  return { direction: documentDirection(report, verdict.hint), hint: verdict.hint, sides: report.card.sides };
}

describe('directions for a card out of place (pure)', () => {
  const cases: [string, Partial<CardPlace>, string][] = [
    ['off to the left, its left side out of view', { x: -0.25 }, 'move-right'],
    ['small and off to the left, its right side short of the guide', { scale: 0.75, x: -0.24 }, 'move-right'],
    ['off to the right', { x: 0.32 }, 'move-left'],
    ['low', { y: 0.2 }, 'move-up'],
    ['off to the left and low', { x: -0.25, y: 0.15 }, 'move-right'],
    ['far off to the left, no side clear across', { scale: 0.75, x: -0.32 }, 'move-right'],
    ['small in the guide', { scale: 0.7 }, 'move-closer'],
    ['too close, its top and bottom out of view', { scale: 1.2 }, 'move-further'],
    ['just too tall for the view', { scale: 1.15 }, 'move-further'],
    ['turned', { rotate: 10 }, 'straighten'],
  ];
  for (const [name, place, expected] of cases) {
    it(`says ${expected} for a card ${name}`, async () => {
      const found = await directionOf(place);
      expect(found.direction, JSON.stringify(found)).to.equal(expected);
    });
  }

  it('gives no direction for a card in place, nor for no card at all', async () => {
    expect((await directionOf({})).direction).to.equal(null);
    expect((await directionOf({ scale: 1.1 })).direction).to.equal(null);
  });

  it('says tilt-less when every side is clear and straight but the card is seen at a slant', () => {
    const card = {
      sides: { left: 0.9, right: 0.9, top: 0.9, bottom: 0.9 },
      angles: { left: 2, right: -2, top: 0, bottom: 0 },
      corners: [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 6 }, { x: 0, y: 6 }],
    };
    expect(documentDirection({ card } as never, 'no-card')).to.equal('tilt-less');
  });
});

describe('directions for a face out of place (pure)', () => {
  it('says which way the face or the phone goes, from the mirrored check', () => {
    expect(selfieDirection({ hint: 'off-centre', move: 'left' })).to.equal('face-left');
    expect(selfieDirection({ hint: 'partly-out', move: 'right' })).to.equal('face-right');
    expect(selfieDirection({ hint: 'off-centre', move: 'up' })).to.equal('phone-down');
    expect(selfieDirection({ hint: 'off-centre', move: 'down' })).to.equal('phone-up');
    expect(selfieDirection({ hint: 'too-far' })).to.equal('phone-closer');
    expect(selfieDirection({ hint: 'too-close' })).to.equal('phone-further');
    expect(selfieDirection({ hint: 'no-face' })).to.equal(null);
    expect(selfieDirection({ hint: 'ready' })).to.equal(null);
  });
});
