import type { ApiLang, DocumentSide, DocumentType, RawOcrField } from '../api/types.js';

/** A made-up person: no real individual has these details. */
interface FieldSpec {
  key: string;
  vi: string;
  en: string;
  value: string;
  score: string;
}

const f = (key: string, vi: string, en: string, value: string, score = 'N/A'): FieldSpec => ({
  key,
  vi,
  en,
  value,
  score,
});

const ID_CARD: Record<DocumentSide, FieldSpec[]> = {
  front: [
    f('ID', 'Số / No', 'No', '036195012345', '98.66'),
    f('Name', 'Họ và tên', 'Full name', 'NGUYỄN THỊ MINH ANH', '99.71'),
    f('Date of birth', 'Ngày sinh', 'Date of birth', '14/03/1995', '98.41'),
    f('Sex', 'Giới tính', 'Sex', 'NỮ', '98.30'),
    f('Nationality', 'Quốc tịch', 'Nationality', 'VIỆT NAM', '99.77'),
    f('Home', 'Quê quán', 'Place of origin', 'XÃ HẢI THANH, HẢI HẬU, NAM ĐỊNH', '96.54'),
    f('Address', 'Địa chỉ', 'Place of residence', 'SỐ 12 NGÕ 45 TRẦN DUY HƯNG, TRUNG HOÀ, CẦU GIẤY, HÀ NỘI', '98.27'),
    f('Expired Date', 'Ngày hết hạn', 'Date of expiry', '14/03/2035', '98.93'),
    f('Type', 'Loại', 'Type', '7'),
    f('Province', 'Tỉnh/Thành phố', 'Province', 'HÀ NỘI'),
    f('District', 'Quận/Huyện', 'District', 'CẦU GIẤY'),
    f('Ward', 'Phường/Xã', 'Ward', 'TRUNG HOÀ'),
  ],
  back: [
    f('Features', 'Đặc điểm nhận dạng', 'Personal identification', 'NỐT RUỒI C: 1CM TRÊN SAU ĐẦU MÀY PHẢI', '99.78'),
    f('Issue Date', 'Ngày cấp', 'Date of issue', '20/06/2021', '99.31'),
    f(
      'Issue Location',
      'Nơi cấp',
      'Place of issue',
      'CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI',
      '95.40',
    ),
  ],
};

const PASSPORT: FieldSpec[] = [
  f('ID', 'Số hộ chiếu', 'Passport No', 'C4815162', '99.12'),
  f('Name', 'Họ và tên', 'Full name', 'NGUYỄN THỊ MINH ANH', '99.40'),
  f('Date of birth', 'Ngày sinh', 'Date of birth', '14/03/1995', '98.75'),
  f('Sex', 'Giới tính', 'Sex', 'NỮ', '99.02'),
  f('Nationality', 'Quốc tịch', 'Nationality', 'VIỆT NAM', '99.60'),
  f('Place of birth', 'Nơi sinh', 'Place of birth', 'NAM ĐỊNH', '97.85'),
  f('Issue Date', 'Ngày cấp', 'Date of issue', '02/08/2022', '98.90'),
  f('Expired Date', 'Có giá trị đến', 'Date of expiry', '02/08/2032', '98.88'),
  f('Type', 'Loại', 'Type', 'P'),
];

const DRIVER_LICENCE: Record<DocumentSide, FieldSpec[]> = {
  front: [
    f('ID', 'Số / No', 'No', '010195004321', '98.20'),
    f('Name', 'Họ và tên', 'Full name', 'NGUYỄN THỊ MINH ANH', '99.35'),
    f('Date of birth', 'Ngày sinh', 'Date of birth', '14/03/1995', '98.61'),
    f('Nationality', 'Quốc tịch', 'Nationality', 'VIỆT NAM', '99.50'),
    f('Address', 'Nơi cư trú', 'Residence', 'SỐ 12 NGÕ 45 TRẦN DUY HƯNG, TRUNG HOÀ, CẦU GIẤY, HÀ NỘI', '97.90'),
    f('Class', 'Hạng', 'Class', 'B2', '99.10'),
    f('Expired Date', 'Có giá trị đến', 'Expires', '10/05/2033', '98.70'),
  ],
  back: [
    f('Issue Date', 'Ngày cấp', 'Date of issue', '10/05/2023', '97.45'),
    f('Issue Location', 'Nơi cấp', 'Place of issue', 'SỞ GIAO THÔNG VẬN TẢI HÀ NỘI', '96.10'),
  ],
};

function specs(type: DocumentType, sides: readonly DocumentSide[]): FieldSpec[] {
  if (type === 'passport') return PASSPORT;
  const table = type === 'idr' ? ID_CARD : DRIVER_LICENCE;
  return sides.flatMap((side) => table[side]);
}

/** The OCR `data` array the server returns for these sides, field names in `lang`. */
export function ocrData(type: DocumentType, sides: readonly DocumentSide[], lang: ApiLang): RawOcrField[] {
  return specs(type, sides).map((spec) => ({
    key: spec.key,
    name: lang === 'vi' ? spec.vi : spec.en,
    value: spec.value,
    score: spec.score,
    locale: 'vn',
  }));
}
