// Cue words that decide a figure's kind, as data. Matched on folded text (foldAligned), so a
// report typed without accents, or with the common slip "phần đầu" for "phấn đấu", reads the same.

/**
 * A plan is announced: every figure after the cue, to the end of the sentence, is a target. Not
 * "hỗ trợ có mục tiêu" (targeted support) nor "chương trình mục tiêu" (a programme's name).
 */
/** Matched on the accented text: folded, "quyết định hướng" would read as "định hướng". "phần đầu" is a common slip for "phấn đấu". */
export const TARGET_SCOPE_CUE =
  /(?<![\p{L}])(?:ph[ấầ]n đ[ấầ]u|dự kiến|(?<!(?:có|chương trình)\s)mục tiêu(?!\s+quốc gia)|định hướng|phương hướng|(?:đặt|đề ra|giao)(?:\s+ra)?\s+(?:chỉ tiêu|kế hoạch))(?![\p{L}])/iu;
/** The same cues typed without accents, used only for text that has none. */
export const TARGET_SCOPE_CUE_FOLDED =
  /(?<![\p{L}])(?:phan dau|du kien|(?<!(?:co|chuong trinh)\s)muc tieu(?!\s+quoc gia)|dinh huong|phuong huong|(?:dat|de ra|giao)(?:\s+ra)?\s+(?:chi tieu|ke hoach))(?![\p{L}])/u;

/** A plan figure follows directly: "(kế hoạch 95%)", "chỉ tiêu 72 người", "KH: 500", "chỉ tiêu Tỉnh ủy giao năm 2024 (175.000 người)". */
export const TARGET_BEFORE_NUMBER =
  /(?:^|[^\p{L}])(?:ke hoach|chi tieu)(?:\s+[\p{L}]+){0,4}\s+giao(?:\s+(?:nam\s+)?\d{4})?\s*[:=(]?\s*$|(?:^|[^\p{L}])(?:ke hoach|chi tieu|kh|muc tieu)(?:\s*[:=]?\s*|(?:\s+(?:giao|de ra|nam|\d{4}|cua|tinh|huyen|la|ubnd|hdnd|uy ban nhan dan|cap tren))+\s*[:=(]?\s*)$/u;

/** A sentence that reports what was done ends a plan's scope carried from a previous sentence (accented: "đã" folds like "đa"). */
export const RESULT_MARKERS = /(?<![\p{L}])(?:đã|đạt được|kết quả|thực hiện được|ước tính|ước thực hiện)(?![\p{L}])/iu;

/** Section headings whose content is a plan ("III. NHIỆM VỤ VÀ GIẢI PHÁP 6 THÁNG CUỐI NĂM"); not "… CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA". */
export const PLAN_SECTION =
  /(?:^|[^\p{L}])(?:nhiem vu|giai phap|phuong huong|ke hoach|(?<!(?:co|chuong trinh)\s)muc tieu(?!\s+quoc gia)|chi tieu)(?![\p{L}])/u;

/** A change by an amount: "giảm 5,21%", "tăng 1.366 người", "tương ứng 386 hộ". Accented ("tặng" folds like "tăng"). */
export const CHANGE_BEFORE_NUMBER =
  /(?<![\p{L}])(?:(?<!miễn,?\s)giảm(?!\s+(?:nghèo|giá|thiểu))|tăng(?!\s+(?:cường|trưởng|thu nhập|tốc))|tương ứng)(?:\s+[\p{L}&-]+){0,5}?\s*$/iu;
/** A level reached after a change: "giảm còn 3,5%", "tăng lên 95%". */
export const LEVEL_AFTER_CHANGE = /(?<![\p{L}])(?:còn|lên|đến|xuống)\s*$/iu;

/** Attainment of a plan stated as a percentage: "đạt 109,4% kế hoạch", "đạt 68,05% so với chỉ tiêu giao". */
export const ATTAINMENT_AFTER = /^\s*%?\s*(?:so voi\s+)?(?:ke hoach|kh|chi tieu|muc tieu)(?![\p{L}])/u;
/** Attainment stated after the plan it is measured against: "so với chỉ tiêu giao năm 2020 (70.544 người) đạt 84%". */
export const ATTAINMENT_AFTER_PLAN =
  /(?:so voi|bang)\s+(?:ke hoach|kh|chi tieu|muc tieu)(?![\p{L}])[^;]{0,110}\bdat\s*$/u;
export const EXCEEDED_BEFORE = /vuot\s+(?:ke hoach|kh|chi tieu)\s*$/u;

/** Words before a number that make the phrase before it the figure's subject ("giải quyết việc làm cho 1.179"). */
export const ACTION_LINKS = /(?:^|[^\p{L}])(?:cho|doi voi|cho so|voi so luong)\s*$/u;

/** Money attached to a count: "513 suất/153,9 triệu đồng", "với kinh phí 616 triệu đồng". */
export const MONEY_OF_COUNT =
  /(?:^\s*\/\s*$)|(?:(?:voi|tong|co)?\s*(?:tong\s+)?(?:kinh phi|so tien|tri gia|von|tien)(?:\s+[\p{L}]+){0,3}\s*(?:la|:)?\s*$)/u;

/** Approximations and bounds kept as qualifiers: "trên 300 người", "khoảng 1.000 hộ". */
export const APPROX_BEFORE = /(?:^|[^\p{L}])(tren|duoi|gan|khoang|hon|toi thieu|toi da|it nhat)\s*$/u;

/** Groups a figure is about, kept as qualifiers. Accented, as shown to readers; matched folded. */
export const GROUP_QUALIFIERS = [
  'đồng bào dân tộc thiểu số',
  'đồng bào DTTS',
  'dân tộc thiểu số',
  'DTTS',
  'người có công',
  'thân nhân liệt sĩ',
  'bắt buộc',
  'tự nguyện',
  'hộ nghèo',
  'hộ cận nghèo',
  'hộ mới thoát nghèo',
  'người khuyết tật',
  'người cao tuổi',
  'trẻ em',
  'học sinh',
  'sinh viên',
  'lao động nông thôn',
  'nông nghiệp',
  'phi nông nghiệp',
  'người nghèo',
  'đối tượng bảo trợ xã hội',
  'hộ chính sách',
  'nữ',
  'thanh niên',
  'dân tộc Khmer',
  'đồng bào Khmer',
  'Khmer',
];

/** Groups that are a part of a place's population: a figure about one never answers for the whole place. */
export const SUBGROUP_QUALIFIERS = [
  'đồng bào dân tộc thiểu số',
  'đồng bào DTTS',
  'dân tộc thiểu số',
  'DTTS',
  'dân tộc Khmer',
  'đồng bào Khmer',
  'Khmer',
  'nữ',
];
