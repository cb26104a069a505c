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

/**
 * Made-up ID cards the emulator can be told apart (the tests' QR fixtures draw them): what OCR reads on each of
 * their sides. Any other ID card reads as the default made-up person.
 */
export const KNOWN_ID_CARDS = {
  /** The 2021 citizen ID of the QR fixtures (its QR code on the front). */
  'cccd-2021-nguyen-van-an': {
    front: [
      f('ID', 'Số / No', 'No', '079099012345', '99.02'),
      f('Name', 'Họ và tên', 'Full name', 'NGUYỄN VĂN AN', '99.64'),
      f('Date of birth', 'Ngày sinh', 'Date of birth', '01/02/1990', '98.77'),
      f('Sex', 'Giới tính', 'Sex', 'NAM', '98.91'),
      f('Nationality', 'Quốc tịch', 'Nationality', 'VIỆT NAM', '99.70'),
      f('Home', 'Quê quán', 'Place of origin', 'PHƯỜNG 1, QUẬN 3, TP HỒ CHÍ MINH', '96.80'),
      f('Address', 'Địa chỉ', 'Place of residence', '12 ĐƯỜNG SỐ 4, PHƯỜNG 7, QUẬN 5', '97.35'),
      f('Expired Date', 'Ngày hết hạn', 'Date of expiry', '01/02/2030', '98.85'),
      f('Type', 'Loại', 'Type', '7'),
      f('Province', 'Tỉnh/Thành phố', 'Province', 'TP HỒ CHÍ MINH'),
      f('District', 'Quận/Huyện', 'District', 'QUẬN 5'),
      f('Ward', 'Phường/Xã', 'Ward', 'PHƯỜNG 7'),
    ],
    back: [
      f('Features', 'Đặc điểm nhận dạng', 'Personal identification', 'NỐT RUỒI CÁCH 2CM TRÊN ĐUÔI MÀY TRÁI', '99.12'),
      f('Issue Date', 'Ngày cấp', 'Date of issue', '15/08/2021', '99.40'),
      f(
        'Issue Location',
        'Nơi cấp',
        'Place of issue',
        'CỤC TRƯỞNG CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI',
        '95.10',
      ),
    ],
  },
} satisfies Record<string, Record<DocumentSide, FieldSpec[]>>;

export type KnownIdCard = keyof typeof KNOWN_ID_CARDS;

function specs(type: DocumentType, sides: readonly DocumentSide[], card: KnownIdCard | null): FieldSpec[] {
  if (type === 'passport') return PASSPORT;
  const table = type === 'dlr' ? DRIVER_LICENCE : card ? KNOWN_ID_CARDS[card] : ID_CARD;
  return sides.flatMap((side) => table[side]);
}

/** The OCR `data` array the server returns for these sides, field names in `lang`; `card`: an ID card it knows. */
export function ocrData(
  type: DocumentType,
  sides: readonly DocumentSide[],
  lang: ApiLang,
  card: KnownIdCard | null = null,
): RawOcrField[] {
  return specs(type, sides, card).map((spec) => ({
    key: spec.key,
    name: lang === 'vi' ? spec.vi : spec.en,
    value: spec.value,
    score: spec.score,
    locale: 'vn',
  }));
}
