import { expect } from 'chai';
import { describe, test } from 'node:test';
import { sparesData } from '../../src/flow/prefetch-controller.js';

describe('sparesData', () => {
  test('is true when the browser asks to save data, whatever the link', () => {
    expect(sparesData({ saveData: true, effectiveType: '4g' })).to.equal(true);
  });

  test('is true on a 2G link, slow or not', () => {
    expect(sparesData({ saveData: false, effectiveType: '2g' })).to.equal(true);
    expect(sparesData({ effectiveType: 'slow-2g' })).to.equal(true);
  });

  test('is false on 3G and 4G links without Save-Data, and where the browser says nothing', () => {
    expect(sparesData({ saveData: false, effectiveType: '3g' })).to.equal(false);
    expect(sparesData({ saveData: false, effectiveType: '4g' })).to.equal(false);
    expect(sparesData({})).to.equal(false);
    expect(sparesData(undefined)).to.equal(false);
  });
});
