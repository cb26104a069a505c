import { expect } from 'chai';
import { after, before, describe, it } from 'node:test';
import { evaluateFieldScene, fieldTable, type FieldResult } from '../node/field/evaluate.js';
import { FIELD_SCENES } from '../node/field/scenes.js';

/**
 * The labelled field set through the worker's analysis, a frame a scene: what counts as captured is a frame judged
 * ready (the gate then needs five in a row, which a steady view gives).
 */
describe('the labelled field set', () => {
  let results: FieldResult[] = [];
  before(() => {
    results = FIELD_SCENES.map((scene) => evaluateFieldScene(scene));
  });
  after(() => {
    console.log(`\n${fieldTable(results)}`);
  });

  const mustCapture = (): FieldResult[] => results.filter((result) => result.scene.label === 'capture');
  const wrongOnes = (of: FieldResult[]): string[] => of.filter((result) => !result.right).map((result) => `${result.scene.id}: ${result.shown}`);

  it('has at least 60 scenes over every surface, both stream shapes and both labels', () => {
    expect(results.length).to.be.at.least(60);
    expect(new Set(results.map((result) => result.scene.background)).size).to.equal(6);
    expect(new Set(results.map((result) => result.scene.frame))).to.have.keys('landscape', 'portrait');
    expect(new Set(results.map((result) => result.scene.label))).to.have.keys('capture', 'refuse');
  });

  it('captures no scene that must not be captured', () => {
    const refused = results.filter((result) => result.scene.label === 'refuse');
    expect(wrongOnes(refused)).to.deep.equal([]);
  });

  it('captures at least three quarters of the scenes that must be captured, as it does now', () => {
    const captured = mustCapture().filter((result) => result.right).length;
    expect(captured / mustCapture().length, wrongOnes(mustCapture()).join('\n')).to.be.at.least(0.75);
  });

  it('says no card, never a direction, when there is none, whatever the surface', () => {
    const bare = results.filter((result) => result.scene.card === null);
    expect(bare.map((result) => result.shown)).to.deep.equal(bare.map(() => 'no-card'));
  });

  it('asks to hold still, not to move the card, when the view moves or the hand shook during the exposure', () => {
    const moving = results.filter((result) => result.scene.kind === 'motion blur' || result.scene.kind === 'shaking hand');
    expect(moving.length).to.be.above(0);
    expect(moving.filter((result) => !result.hintRight).map((result) => `${result.scene.id}: ${result.shown}`)).to.deep.equal([]);
  });

  it('names blur for a card out of focus', () => {
    const blurred = results.filter((result) => result.scene.kind === 'defocus');
    expect(blurred.filter((result) => !result.hintRight).map((result) => `${result.scene.id}: ${result.shown}`)).to.deep.equal([]);
  });
});
