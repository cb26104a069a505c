import type { Lang } from './localize.js';

// "Continue on your phone", both ends, in every language: this text comes with the handoff's script, not with the
// element (whose own tables keep `handoff.start`, the button that offers it).

const en = {
  'handoff.title': 'Continue on your phone',
  'handoff.scan': 'Scan this code with your phone’s camera, or open the link on your phone.',
  'handoff.qr': 'QR code of the link to open on your phone',
  'handoff.copy': 'Copy link',
  'handoff.copied': 'Link copied',
  'handoff.time-left': 'The code expires in {time}.',
  'handoff.expired': 'This code has expired.',
  'handoff.renew': 'Get a new code',
  'handoff.back': 'Use this device instead',
  'handoff.status.waiting': 'Waiting for your phone…',
  'handoff.status.connected': 'Phone connected',
  'handoff.status.document-back': 'Front captured',
  'handoff.status.selfie': 'Document captured',
  'handoff.status.processing': 'Your phone is sending the photos…',
  'handoff.status.error': 'Your phone has a problem; waiting for it…',
  'handoff.status.done': 'Done',
  'handoff.cancelled': 'The check was cancelled on the phone.',
  'handoff.connecting': 'Connecting to your computer…',
  'error.handoff-used': 'This link was already opened on another device. Ask your computer for a new code.',
  'error.handoff-expired': 'This link has expired. Ask your computer for a new code.',
  'handoff.phone-done': 'Done: go back to your computer.',
  'handoff.phone-cancelled': 'Cancelled: go back to your computer.',
} as const;

export type HandoffStringKey = keyof typeof en;

const vi: Record<HandoffStringKey, string> = {
  'handoff.title': 'Tiếp tục trên điện thoại',
  'handoff.scan': 'Quét mã này bằng camera điện thoại, hoặc mở liên kết trên điện thoại.',
  'handoff.qr': 'Mã QR của liên kết để mở trên điện thoại',
  'handoff.copy': 'Sao chép liên kết',
  'handoff.copied': 'Đã sao chép liên kết',
  'handoff.time-left': 'Mã hết hạn sau {time}.',
  'handoff.expired': 'Mã này đã hết hạn.',
  'handoff.renew': 'Lấy mã mới',
  'handoff.back': 'Dùng thiết bị này',
  'handoff.status.waiting': 'Đang chờ điện thoại của bạn…',
  'handoff.status.connected': 'Điện thoại đã kết nối',
  'handoff.status.document-back': 'Đã chụp mặt trước',
  'handoff.status.selfie': 'Đã chụp giấy tờ',
  'handoff.status.processing': 'Điện thoại đang gửi ảnh…',
  'handoff.status.error': 'Điện thoại gặp sự cố; đang chờ…',
  'handoff.status.done': 'Hoàn tất',
  'handoff.cancelled': 'Quá trình xác minh đã bị hủy trên điện thoại.',
  'handoff.connecting': 'Đang kết nối với máy tính…',
  'error.handoff-used': 'Liên kết này đã được mở trên thiết bị khác. Hãy lấy mã mới trên máy tính.',
  'error.handoff-expired': 'Liên kết này đã hết hạn. Hãy lấy mã mới trên máy tính.',
  'handoff.phone-done': 'Xong: hãy quay lại máy tính của bạn.',
  'handoff.phone-cancelled': 'Đã hủy: hãy quay lại máy tính của bạn.',
};

export const handoffStrings: Record<Lang, Record<HandoffStringKey, string>> = { en, vi };
