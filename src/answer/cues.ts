// What a question asks for, as cue patterns over folded text (accents stripped, lower case). Data
// only: the order of INTENT_CUES is the precedence when several match.

export type Intent =
  | 'source'
  | 'claim'
  | 'implied_target'
  | 'implied_base'
  | 'attainment'
  | 'exceed'
  | 'remainder'
  | 'per_unit'
  | 'share'
  | 'times'
  | 'compare'
  | 'difference'
  | 'sum'
  | 'list'
  | 'value';

export const INTENT_CUES: [Intent, RegExp][] = [
  ['source', /\b(?:nguon (?:o dau|nao|tu dau|la gi)|trich (?:tu|dan)|bao cao nao|lay (?:tu|o) dau|dan chung)\b/],
  [
    'implied_target',
    /\b(?:ke hoach|chi tieu)\b.*\b(?:khoang|uoc|suy ra|biet)\b.*\b(?:vuot|dat)\b|\b(?:biet|neu)\b.*\b(?:vuot|dat)\b.*\b(?:ke hoach|chi tieu)\b.*\b(?:khoang|bao nhieu)\b/,
  ],
  ['implied_base', /\b(?:suy ra|uoc tinh|quy mo)\b|\bkhoang bao nhieu\b.*\b(?:tu|theo)\b.*\bty le\b/],
  [
    'attainment',
    /\b(?:ty le|muc)\s+(?:hoan thanh|dat)\s+(?:ke hoach|chi tieu)|\b(?:hoan thanh|dat)\s+(?:bao nhieu\s+)?(?:%|phan tram)\s+(?:so voi\s+)?(?:ke hoach|chi tieu)|\bdat bao nhieu (?:%|phan tram) (?:ke hoach|chi tieu)/,
  ],
  [
    'exceed',
    /\bvuot\s+(?:ke hoach|chi tieu|muc tieu)\s+(?:bao nhieu|may)|\b(?:vuot|hut)\s+bao nhieu\b|\b(?:con )?thieu bao nhieu\b|\bcon (?:phai|can)\b.*\bbao nhieu\b.*\b(?:ke hoach|chi tieu)\b|\b(?:ke hoach|chi tieu)\b.*\bcon thieu\b/,
  ],
  // "Ngoài phần Trung ương hỗ trợ, … từ các nguồn khác là bao nhiêu", "phần còn lại là bao nhiêu": a total less a part.
  [
    'remainder',
    /^\s*ngoai (?:phan|so|khoan|nguon|kinh phi|von)\b.*\b(?:khac|con lai)\b|\b(?:phan|so) con lai\b.*\bbao nhieu\b/,
  ],
  [
    'per_unit',
    /\b(?:binh quan|trung binh|tren (?:mot|moi)|dau nguoi)\b|\bmoi (?!nam\b|thang\b|quy\b)[a-z]+\b.*\b(?:bao nhieu|tri gia|duoc)\b/,
  ],
  [
    'share',
    /\bchiem (?:bao nhieu|may)\s*(?:phan tram|%|ty le)|\bbao nhieu (?:phan tram|%) (?:so|cua|trong)\b|\bty le\b.*\bso voi (?:tong|so)\b/,
  ],
  ['times', /\bgap (?:bao nhieu|may) lan\b/],
  [
    'compare',
    /\bso sanh\b|\bnoi nao\b|\bdia phuong nao\b|\b(?:cao|thap|nhieu|it) hon hay\b|\bhay\b.*\b(?:cao|thap|nhieu|it) hon\b|\bben nao\b/,
  ],
  [
    'difference',
    /\bchenh(?: lech| nhau)?\b|\b(?:cao|thap|nhieu|it) hon\b.*\bbao nhieu\b|\bdiem phan tram\b|\bkhac nhau\b|\bhon kem\b/,
  ],
  // "số liệu tổng hợp" (compiled) is not a sum.
  ['sum', /\btong\b(?! hop\b)|\bcong lai\b|\bgop lai\b|\bca hai\b/],
  [
    'list',
    /\bcac khoan\b|\bliet ke\b|\bnhung khoan\b|\bgom nhung\b|\btung (?:loai|khoan|chuong trinh)\b|\bcac (?:loai|chuong trinh|chinh sach)\b/,
  ],
];

/** The kind of number wanted. */
export const UNIT_CUES: [string, RegExp][] = [
  ['percent', /\bty le\b|\bti le\b|\bphan tram\b|%|\bbao phu\b|\bdiem phan tram\b/],
  [
    'money',
    /\bkinh phi\b|\bbao nhieu tien\b|\bso tien\b|\btri gia\b|\b(?:trieu|ty|nghin) dong\b|\bvon\b|\bgia tri\b|\bngan sach\b|\bdoanh so\b|\bdu no\b|\bbao nhieu (?:trieu|ty)\b/,
  ],
  ['kg', /\bkg\b|\bkilogam\b|\btan gao\b|\bbao nhieu gao\b/],
  [
    'count',
    /\bbao nhieu (?:nguoi|ho|lao dong|hoc vien|the|suat|lop|nha|can|xa|doi tuong|truong hop|luot)\b|\bmay (?:nguoi|ho)\b/,
  ],
];

export const WANTS_TARGET = /\b(?:chi tieu|ke hoach|phan dau|muc tieu|du kien|du bao|dinh huong)\b/;
export const WANTS_CHANGE =
  /\b(?:giam|tang)\s+(?:bao nhieu|duoc bao nhieu|them bao nhieu|may)\b|\b(?:giam|tang) bao nhieu\b|\bbao nhieu\b.*\b(?:giam|tang)\b\s*\??$/;

/**
 * The whole country and its six socio-economic regions, as questions and reports name them (folded).
 * Not administrative units, so not in the gazetteer: a figure is about one when its clause names it.
 */
export const SCOPES: { id: string; names: string[] }[] = [
  { id: 'national', names: ['ca nuoc', 'toan quoc', 'binh quan chung ca nuoc'] },
  {
    id: 'northern_midlands',
    names: ['trung du va mien nui phia bac', 'trung du mien nui phia bac', 'mien nui phia bac'],
  },
  { id: 'red_river_delta', names: ['dong bang song hong'] },
  {
    id: 'north_central_coast',
    names: ['bac trung bo va duyen hai mien trung', 'bac trung bo', 'duyen hai mien trung'],
  },
  { id: 'central_highlands', names: ['tay nguyen'] },
  { id: 'southeast', names: ['dong nam bo'] },
  { id: 'mekong_delta', names: ['dong bang song cuu long', 'dbscl'] },
];

/** How an answer names a scope of SCOPES. */
export const SCOPE_LABELS: Record<string, string> = {
  national: 'cả nước',
  northern_midlands: 'vùng Trung du và miền núi phía Bắc',
  red_river_delta: 'vùng Đồng bằng sông Hồng',
  north_central_coast: 'vùng Bắc Trung Bộ và duyên hải miền Trung',
  central_highlands: 'vùng Tây Nguyên',
  southeast: 'vùng Đông Nam Bộ',
  mekong_delta: 'vùng Đồng bằng sông Cửu Long',
};
