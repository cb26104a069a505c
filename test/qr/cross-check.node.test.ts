import { expect } from 'chai';
import { describe, it } from 'node:test';
import { crossCheck, printedDate } from '../../src/qr/cross-check.js';
import type { CccdQrFields } from '../../src/qr/types.js';

const CODE: CccdQrFields = {
  id: '079099012345',
  oldId: null,
  name: 'Nguyễn Văn An',
  dateOfBirth: '1990-02-01',
  sex: 'Nam',
  address: '12 Đường Số 4, Phường 7, Quận 5, TP Hồ Chí Minh',
  issueDate: '2021-08-15',
};

const ocr = (values: Record<string, string | null>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }]));

const PRINTED = {
  ID: '079099012345',
  Name: 'NGUYỄN VĂN AN',
  'Date of birth': '01/02/1990',
  Sex: 'NAM',
  'Issue Date': '15/08/2021',
};

describe('CCCD QR cross-check', () => {
  it('matches the printed card, whatever its case', () => {
    expect(crossCheck(CODE, ocr(PRINTED))).to.deep.equal({
      id: 'match',
      name: 'match',
      dateOfBirth: 'match',
      sex: 'match',
      issueDate: 'match',
    });
  });

  it('compares names in NFC, ignoring case and spacing', () => {
    const name = ' NGUYỄN   VĂN\tAN'.normalize('NFD');
    expect(crossCheck(CODE, ocr({ ...PRINTED, Name: name })).name).to.equal('match');
    expect(crossCheck(CODE, ocr({ ...PRINTED, Name: 'NGUYỄN VĂN ÂN' })).name).to.equal('mismatch');
  });

  it('flags an ID number that differs', () => {
    expect(crossCheck(CODE, ocr({ ...PRINTED, ID: '079099012346' })).id).to.equal('mismatch');
    expect(crossCheck(CODE, ocr({ ...PRINTED, ID: '079 099 012 345' })).id).to.equal('match');
  });

  it('flags dates and sex that differ', () => {
    const check = crossCheck(CODE, ocr({ ...PRINTED, 'Date of birth': '02/01/1990', Sex: 'NỮ', 'Issue Date': '15/08/2022' }));
    expect(check).to.deep.include({ dateOfBirth: 'mismatch', sex: 'mismatch', issueDate: 'mismatch' });
  });

  it('says missing when the OCR lacks a field or could not read it', () => {
    const check = crossCheck(CODE, ocr({ ID: PRINTED.ID, Name: null, 'Date of birth': 'unreadable' }));
    expect(check).to.deep.equal({ id: 'match', name: 'missing', dateOfBirth: 'missing', sex: 'missing', issueDate: 'missing' });
  });

  it('says missing when the code lacks a field', () => {
    const check = crossCheck({ ...CODE, issueDate: null, sex: null }, ocr(PRINTED));
    expect(check).to.deep.include({ issueDate: 'missing', sex: 'missing', id: 'match' });
  });

  it('reads the dates the OCR prints', () => {
    expect(printedDate('1/2/1990')).to.equal('1990-02-01');
    expect(printedDate('01-02-1990')).to.equal('1990-02-01');
    expect(printedDate('31/02/1990')).to.equal(null);
  });
});
