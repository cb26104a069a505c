import { expect } from 'chai';
import { describe, it } from 'node:test';
import { codeDate, parseCccdQr, readCccdQr } from '../../src/qr/parse.js';

const ADDRESS = '12 Đường Số 4, Phường 7, Quận 5, TP Hồ Chí Minh';

describe('CCCD QR parser', () => {
  it('reads the seven fields of a 2021 card', () => {
    expect(parseCccdQr(`079099012345|023456789|Nguyễn Văn An|01021990|Nam|${ADDRESS}|15082021`)).to.deep.equal({
      id: '079099012345',
      oldId: '023456789',
      name: 'Nguyễn Văn An',
      dateOfBirth: '1990-02-01',
      sex: 'Nam',
      address: ADDRESS,
      issueDate: '2021-08-15',
    });
  });

  it('takes an empty old ID as none', () => {
    const fields = parseCccdQr(`079099012345||Nguyễn Văn An|01021990|Nam|${ADDRESS}|15082021`);
    expect(fields.oldId).to.equal(null);
    expect(fields.name).to.equal('Nguyễn Văn An');
    expect(fields.issueDate).to.equal('2021-08-15');
  });

  it('reads six fields, without the old ID at all', () => {
    const fields = parseCccdQr(`079099012345|Nguyễn Văn An|01021990|Nam|${ADDRESS}|15082021`);
    expect(fields).to.deep.include({ id: '079099012345', oldId: null, name: 'Nguyễn Văn An', sex: 'Nam', address: ADDRESS });
    expect(fields.dateOfBirth).to.equal('1990-02-01');
    expect(fields.issueDate).to.equal('2021-08-15');
  });

  it('ignores trailing separators and whatever follows the issue date', () => {
    const fields = parseCccdQr(`079099012345||Nguyễn Văn An|01021990|Nam|${ADDRESS}|15082021||`);
    expect(fields.issueDate).to.equal('2021-08-15');
    const longer = parseCccdQr(`001195004321||Lê Thị Bình|29022000|Nữ|${ADDRESS}|01072024|Lê Văn Cường|Trần Thị Dung|`);
    expect(longer).to.deep.include({ id: '001195004321', name: 'Lê Thị Bình', dateOfBirth: '2000-02-29', sex: 'Nữ' });
    expect(longer.issueDate).to.equal('2024-07-01');
  });

  it('turns decomposed diacritics into NFC and collapses spaces', () => {
    const decomposed = 'Nguyễn  Văn An '.normalize('NFD');
    const fields = parseCccdQr(`079099012345||${decomposed}|01021990|Nam|${ADDRESS}|15082021`);
    expect(fields.name).to.equal('Nguyễn Văn An');
    expect(fields.name).to.equal(fields.name?.normalize('NFC'));
  });

  it('keeps an address that itself holds a separator', () => {
    const fields = parseCccdQr('079099012345||Nguyễn Văn An|01021990|Nam|Thôn 3|Xã Hải Thanh|15082021');
    expect(fields.address).to.equal('Thôn 3, Xã Hải Thanh');
    expect(fields.issueDate).to.equal('2021-08-15');
  });

  it('gives no fields for a code that is not a citizen ID', () => {
    expect(Object.values(parseCccdQr('https://example.com/verify?c=123'))).to.deep.equal(Array(7).fill(null));
    expect(Object.values(parseCccdQr(''))).to.deep.equal(Array(7).fill(null));
  });

  it('leaves impossible dates empty rather than guessing', () => {
    const fields = parseCccdQr(`079099012345||Nguyễn Văn An|31021990|Nam|${ADDRESS}|15132021`);
    expect(fields.dateOfBirth).to.equal(null);
    expect(fields.issueDate).to.equal(null);
    expect(fields.name).to.equal('Nguyễn Văn An');
  });

  it('keeps the raw text exactly as decoded', () => {
    const raw = `079099012345||Nguyễn Văn An|01021990|Nam|${ADDRESS}|15082021|`;
    expect(readCccdQr(raw).raw).to.equal(raw);
  });

  it('converts code dates and refuses non-dates', () => {
    expect(codeDate('29022024')).to.equal('2024-02-29');
    expect(codeDate('29022023')).to.equal(null);
    expect(codeDate('2902202')).to.equal(null);
  });
});
