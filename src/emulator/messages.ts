import type { ApiLang } from '../api/types.js';

/** End-user messages as the server words them, in both languages it speaks. */
export const MESSAGES = {
  sessionExpired: { vi: 'Phiên làm việc đã hết hạn', en: 'Session has expired' },
  documentNotFound: {
    vi: 'Không tìm thấy tài liệu đã chọn trong ảnh',
    en: 'The selected document was not found in the image',
  },
  frontFirst: {
    vi: 'Vui lòng gửi mặt trước của giấy tờ trước mặt sau',
    en: 'Please send the front side of the document before the back side',
  },
  documentExpired: { vi: 'Giấy tờ đã hết hạn', en: 'The document has expired' },
  documentInvalid: { vi: 'Giấy tờ không hợp lệ', en: 'The document is not valid' },
  unknown: { vi: 'Lỗi không xác định', en: 'Unknown error' },
  livenessOk: { vi: 'Kiểm tra thực thể sống thành công', en: 'liveness check successful' },
  matchOk: { vi: 'So khớp khuôn mặt thành công', en: 'face matching successful' },
  faceMismatch: { vi: 'Khuôn mặt không khớp với giấy tờ', en: 'face is not matching with document' },
  twoFaces: { vi: 'Có 2 khuôn mặt trong ảnh', en: '2 faces exist' },
  selfieInvalid: { vi: 'Ảnh chân dung không hợp lệ', en: 'The selfie is not valid' },
  success: { vi: 'thành công', en: 'success' },
} satisfies Record<string, Record<ApiLang, string>>;

export type MessageId = keyof typeof MESSAGES;

export const message = (id: MessageId, lang: ApiLang): string => MESSAGES[id][lang];
