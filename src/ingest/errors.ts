// The errors ingestion can raise, one table of codes with messages that say what to do.

export const INGEST_ERRORS = {
  EMPTY_TEXT: 'The report has no readable text after cleaning; check that the file is not empty, an image-only PDF, or a page of site navigation.',
  MISSING_ID: 'A report needs a non-empty id; pass the file name or a stable hash of the source.',
  TOO_COMPLEX: 'The report is beyond what one report may hold (figures or time to read them); nothing was stored. Split it into several reports.',
  // Files (ingest/formats): an office's PDF, Word file or saved web page that cannot be read.
  SCANNED_PDF: 'Tệp PDF này không có lớp chữ (là bản quét hoặc ảnh chụp); hệ thống không nhận dạng chữ (OCR). Hãy gửi bản PDF xuất từ Word, tệp DOCX hoặc văn bản. Chưa có gì được lưu.',
  ENCRYPTED_FILE: 'Tệp được đặt mật khẩu hoặc mã hoá nên không đọc được. Hãy gỡ mật khẩu rồi gửi lại. Chưa có gì được lưu.',
  CORRUPT_FILE: 'Tệp bị hỏng hoặc không đúng định dạng nên không đọc được. Hãy mở và lưu lại tệp rồi gửi lại. Chưa có gì được lưu.',
  LEGACY_DOC: 'Đây là tệp Word 97-2003 (.doc), hệ thống chưa đọc được. Hãy mở bằng Word hoặc LibreOffice, lưu thành .docx rồi gửi lại. Chưa có gì được lưu.',
  UNSUPPORTED_FORMAT: 'Định dạng tệp không được hỗ trợ. Hãy gửi PDF (có lớp chữ), DOCX, trang web (HTML) hoặc văn bản UTF-8. Chưa có gì được lưu.',
  UNPACKED_TOO_LARGE: 'Nội dung tệp khi giải nén vượt quá giới hạn cho một báo cáo (có thể là tệp nén bất thường). Hãy chia thành nhiều báo cáo. Chưa có gì được lưu.',
  NO_MAIN_TEXT: 'Không tìm thấy nội dung chính của trang web (chỉ có menu, liên kết hoặc ảnh). Hãy lưu trang bài viết, hoặc dán nội dung bài. Chưa có gì được lưu.',
  NOT_UTF8: 'Tệp văn bản không ở mã UTF-8. Hãy lưu lại với mã Unicode (UTF-8) rồi gửi lại. Chưa có gì được lưu.',
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

/** Thrown by buildReport when an input cannot become a report; `code` is a key of INGEST_ERRORS. */
export class IngestError extends Error {
  readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string = INGEST_ERRORS[code]) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
  }
}
