// Questions offered to a first-time user (the widget's suggestions, the bots' /start): data, so the
// surfaces offer the same ones and a maintainer can change them in one place.
export const SAMPLE_QUESTIONS = [
  'hộ nghèo Quảng Trị cuối 2023?',
  'Tỷ lệ hộ nghèo Quảng Trị giảm bao nhiêu trong năm 2023?',
  'Bắc Kạn hỗ trợ nhà ở cho hộ nghèo năm 2024 bao nhiêu tỷ đồng?',
  'Tịnh Biên phấn đấu giải quyết việc làm cho bao nhiêu lao động năm 2019?',
] as const;

/** The greeting of a bot's /start and /help. */
export const BOT_GREETING =
  'Xin chào! Tôi trả lời câu hỏi về số liệu trong các báo cáo giảm nghèo và an sinh xã hội, ' +
  'kèm nguồn trích dẫn và phép tính. Ví dụ:';
