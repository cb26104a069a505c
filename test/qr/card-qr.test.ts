import { expect } from '@open-wc/testing';
import type { OcrField } from '../../src/api/types.js';
import { cardQr, readCardQr } from '../../src/qr/card-qr.js';
import { readCccdQr } from '../../src/qr/parse.js';
import { fixtureImage } from './fixtures/load.js';
import { codeText, HOLDER_2021 } from './fixtures/people.js';
import { QR_FIXTURES } from './fixtures/specs.js';

const field = (key: string, value: string): OcrField => ({ key, name: key, value, score: null, locale: 'vn' });
const FRONT = {
  ID: field('ID', '079099012345'),
  Name: field('Name', 'NGUYỄN VĂN AN'),
  'Date of birth': field('Date of birth', '01/02/1990'),
  Sex: field('Sex', 'NAM'),
};
const BACK = { 'Issue Date': field('Issue Date', '15/08/2021') };
const CODE = readCccdQr(codeText(HOLDER_2021, 'empty-old-id'));

describe('the card QR of an ID card flow', function () {
  this.timeout(30_000);

  it("checks the front's code against the front", () => {
    expect(cardQr(CODE, FRONT, null)).to.deep.equal({
      qr: CODE,
      crossCheck: { id: 'match', name: 'match', dateOfBirth: 'match', sex: 'match', issueDate: 'missing' },
    });
  });

  it("checks the front's code against both sides once the back is read, the back itself having none", () => {
    const back = cardQr(null, BACK, { fields: FRONT, qr: CODE });
    expect(back.qr).to.equal(null);
    expect(back.crossCheck).to.deep.equal({ id: 'match', name: 'match', dateOfBirth: 'match', sex: 'match', issueDate: 'match' });
  });

  it('checks a code found only on the back against both sides', () => {
    const back = cardQr(CODE, BACK, { fields: { ...FRONT, ID: field('ID', '079099012346') }, qr: null });
    expect(back.crossCheck?.id).to.equal('mismatch');
    expect(back.crossCheck?.issueDate).to.equal('match');
  });

  it('has no cross-check without a code', () => {
    expect(cardQr(null, BACK, { fields: FRONT, qr: null })).to.deep.equal({ qr: null, crossCheck: null });
  });

  it("reads a side's picture with the page's shared reader", async () => {
    const fixture = QR_FIXTURES.find(({ kind, generation }) => kind === 'clean' && generation === '2024')!;
    const reading = await readCardQr('/public/ekyc-assets/', await fixtureImage(fixture));
    expect(reading?.raw).to.equal(fixture.code);
  });
});
