import { expect } from '@open-wc/testing';
import { createQrReader, type QrReader } from '../../src/qr/reader.js';
import { fixtureImage } from './fixtures/load.js';
import { QR_FIXTURES, type QrFixture } from './fixtures/specs.js';

const assetsBase = '/public/ekyc-assets/';

interface Outcome {
  fixture: QrFixture;
  read: boolean;
  ms: number;
}

const rate = (outcomes: Outcome[]): number => outcomes.filter((outcome) => outcome.read).length / outcomes.length;

describe('QR decoding over the fixture set', function () {
  this.timeout(180_000);
  let reader: QrReader;
  const outcomes: Outcome[] = [];

  before(async () => {
    reader = createQrReader({ assetsBase, timeoutMs: 60_000 });
    for (const fixture of QR_FIXTURES) {
      const { reading, decoded, thread } = await reader.measure(await fixtureImage(fixture));
      expect(thread).to.equal('worker');
      outcomes.push({ fixture, read: reading?.raw === fixture.code, ms: decoded?.ms ?? Number.NaN });
    }
    const kinds = [...new Set(QR_FIXTURES.map(({ kind, camera }) => `${kind} ${camera}`))];
    for (const kind of kinds) {
      const group = outcomes.filter(({ fixture }) => `${fixture.kind} ${fixture.camera}` === kind);
      const read = group.filter((outcome) => outcome.read).length;
      console.log(`${kind}: ${read}/${group.length} read, ${group.map(({ ms }) => Math.round(ms)).join(', ')} ms`);
    }
  });

  after(() => {
    reader.dispose();
  });

  for (const camera of ['720p', '1080p'] as const) {
    it(`reads at least 95 % of the clean cards a ${camera} camera sees`, () => {
      const clean = outcomes.filter(({ fixture }) => fixture.kind === 'clean' && fixture.camera === camera);
      expect(clean.length).to.be.at.least(6);
      expect(rate(clean), clean.filter((o) => !o.read).map((o) => o.fixture.name).join(', ')).to.be.at.least(0.95);
    });
  }

  it('reads both card generations', () => {
    for (const generation of ['2021', '2024'] as const) {
      const clean = outcomes.filter(({ fixture }) => fixture.kind === 'clean' && fixture.generation === generation);
      expect(rate(clean), generation).to.be.at.least(0.95);
    }
  });

  it("gives each code's fields as the card holder's", async () => {
    for (const fixture of QR_FIXTURES.filter(({ kind }) => kind === 'clean')) {
      const reading = await reader.read(await fixtureImage(fixture));
      if (!reading) continue;
      const { holder } = fixture;
      const iso = (date: string): string => date.split('/').reverse().join('-');
      expect(reading.fields, fixture.name).to.deep.include({
        id: holder.id,
        name: holder.name,
        dateOfBirth: iso(holder.dateOfBirth),
        sex: holder.sex,
        address: holder.address,
        issueDate: iso(holder.issueDate),
      });
    }
  });
});
