// The Vietnamese tokenizer: folding, accent keys, bigrams, abbreviations, numbers, stop-words.
import { describe, expect, it } from 'vitest';
import { analyzeVi, canonicalNumber, createViTokenizer, TERMINATOR, tokenizeVi } from '../../src/search/tokenizer.ts';
import { toneKey } from '../../src/text/fold.ts';

/** Folded words and bigrams only: what an unaccented query can match. */
function folded(text: string): string[] {
  return tokenizeVi(text).filter((t) => /^[a-z0-9._]+$/.test(t));
}

describe('tokenizeVi', () => {
  it.each([
    ['Hộ nghèo Quảng Trị', ['ho', 'ngheo', 'quang', 'tri']],
    ['HỘ NGHÈO QUẢNG TRỊ', ['ho', 'ngheo', 'quang', 'tri']],
    ['huyện Đakrông', ['huyen', 'dakrong']],
    ['đồng bào Đắk Lắk', ['dong', 'bao', 'dak', 'lak']],
    ['Thừa Thiên Huế', ['thua', 'thien', 'hue']],
    ['tỉnh Bạc Liêu', ['tinh', 'bac', 'lieu']],
  ])('folds accents, case and đ in "%s"', (text, words) => {
    for (const w of words) expect(folded(text)).toContain(w);
  });

  it.each([
    ['Hòa Bình', 'Hoà Bình'],
    ['thủy lợi', 'thuỷ lợi'],
    ['sức khỏe', 'sức khoẻ'],
    ['Ủy ban nhân dân', 'Uỷ ban nhân dân'],
    ['Thanh Hóa', 'Thanh Hoá'],
  ])('gives "%s" and "%s" the same tokens whatever the tone placement', (a, b) => {
    expect(tokenizeVi(a)).toEqual(tokenizeVi(b));
  });

  it('adds an accent key for an accented syllable so exact spellings match on both', () => {
    expect(tokenizeVi('hộ')).toEqual(['ho', toneKey('hộ')]);
  });

  it('adds no accent key for an unaccented syllable', () => {
    expect(tokenizeVi('ho')).toEqual(['ho']);
  });

  it('keeps different accents apart in the accent key', () => {
    expect(tokenizeVi('hộ')[1]).not.toBe(tokenizeVi('hồ')[1]);
  });

  it.each([
    ['hộ nghèo', 'ho_ngheo'],
    ['Bảo hiểm thất nghiệp', 'that_nghiep'],
    ['14.040 hộ', '14040_ho'],
    ['huyện Tây Sơn', 'tay_son'],
  ])('joins adjacent syllables of "%s" into the bigram %s', (text, bigram) => {
    expect(tokenizeVi(text)).toContain(bigram);
  });

  it.each([
    ['hộ, nghèo', 'ho_ngheo'],
    ['kinh tế - xã hội', 'te_xa'],
    ['lao động của tỉnh', 'dong_tinh'],
    ['2.597 hộ/519,4 triệu', 'ho_519.4'],
  ])('makes no bigram across punctuation or a stop-word in "%s"', (text, bigram) => {
    expect(tokenizeVi(text)).not.toContain(bigram);
  });

  it.each([
    ['BHYT', 'bảo hiểm y tế'],
    ['BHXH', 'bảo hiểm xã hội'],
    ['BHTN', 'bảo hiểm thất nghiệp'],
    ['LĐ-TB&XH', 'Lao động - Thương binh và Xã hội'],
    ['LĐTBXH', 'Lao động – Thương binh và Xã hội'],
    ['LĐTB&XH', 'lao động - thương binh và xã hội'],
    ['DTTS', 'dân tộc thiểu số'],
    ['XKLĐ', 'xuất khẩu lao động'],
    ['NHCSXH', 'Ngân hàng Chính sách xã hội'],
    ['UBND', 'Ủy ban nhân dân'],
    ['GQVL', 'giải quyết việc làm'],
    ['KT-XH', 'kinh tế - xã hội'],
  ])('gives %s the same tokens as "%s"', (abbr, expansion) => {
    expect(new Set(tokenizeVi(abbr))).toEqual(new Set(tokenizeVi(expansion)));
  });

  it.each([['bhyt'], ['Bhyt'], ['xkld'], ['nhcsxh'], ['ubnd']])('expands "%s" typed in lower case', (abbr) => {
    expect(tokenizeVi(abbr)).toEqual(tokenizeVi(abbr.toUpperCase().replace('XKLD', 'XKLĐ')));
  });

  it('expands KH, an ambiguous abbreviation kept for welfare reports, in capitals only', () => {
    expect(folded('đạt 102,7% KH')).toContain('ke_hoach');
    expect(folded('kh')).toEqual(['kh']);
  });

  it.each([['TT'], ['HN'], ['CT'], ['TB'], ['VL']])('leaves the ambiguous abbreviation %s as a plain token', (abbr) => {
    expect(tokenizeVi(abbr)).toEqual([abbr.toLowerCase()]);
  });

  it('does not expand a lower-case word that is also an abbreviation ("te" is not TE = trẻ em)', () => {
    expect(tokenizeVi('te')).toEqual(['te']);
  });

  it('links working abroad, written out, to XKLĐ', () => {
    expect(tokenizeVi('2.823 lao động đi làm việc ở nước ngoài')).toContain('#xkld');
    expect(tokenizeVi('XKLĐ')).toContain('#xkld');
  });

  it('expands the abbreviations inside a hyphenated compound', () => {
    const tokens = folded('QĐ-UBND');
    expect(tokens).toEqual(expect.arrayContaining(['quyet', 'dinh', 'uy', 'ban', 'nhan', 'dan']));
  });

  it('keeps a document number as keys without expanding its issuer', () => {
    const tokens = tokenizeVi('Kế hoạch số 25/KH-UBND');
    expect(tokens).toEqual(expect.arrayContaining(['25', '#kh', '#ubnd']));
    expect(tokens).not.toContain('uy');
  });

  it('expands press-style "H.Tịnh Biên" to huyện', () => {
    expect(tokenizeVi('H.Tịnh Biên')).toEqual(expect.arrayContaining(['huyen', 'huyen_tinh', 'tinh_bien']));
  });

  it('names a metric of src/data/metrics.json with a key, however it is worded', () => {
    expect(tokenizeVi('tạo việc làm mới cho 1.111 lao động')).toContain('@jobs-created');
    expect(tokenizeVi('giải quyết việc làm cho 1.179 lao động')).toContain('@jobs-created');
  });

  it.each([
    ['14.040 hộ nghèo', '14040'],
    ['chiếm tỷ lệ 7,71%', '7.71'],
    ['1.850,4 triệu đồng', '1850.4'],
    ['09 lao động', '9'],
    ['05 căn nhà', '5'],
    ['giải quyết việc làm cho 4000 lao động', '4000'],
    ['247.185 kg gạo', '247185'],
    ['năm 2023,công tác', '2023'],
  ])('keeps the number in "%s" whole as %s', (text, number) => {
    expect(tokenizeVi(text)).toContain(number);
  });

  it.each([
    ['1.200/700 người', ['1200', '700']],
    ['30/6/2023', ['30', '6', '2023']],
    ['7.000/6.400', ['7000', '6400']],
  ])('splits "%s" at slashes into whole numbers', (text, numbers) => {
    expect(tokenizeVi(text)).toEqual(expect.arrayContaining(numbers));
  });

  it('gives a typed "14040" the token of the written "14.040"', () => {
    expect(tokenizeVi('14040')).toEqual(tokenizeVi('14.040'));
  });

  it.each([
    ['Tỷ lệ hộ nghèo của tỉnh là bao nhiêu?', ['cua', 'la', 'bao', 'nhieu']],
    ['Cho tôi biết số hộ cận nghèo trên địa bàn', ['cho', 'toi', 'biet', 'tren', 'dia', 'ban']],
    ['tình hình thực hiện như thế nào', ['tinh', 'hinh', 'thuc', 'hien', 'nhu', 'the', 'nao']],
    ['ho ngheo la bao nhieu', ['bao', 'nhieu']],
  ])('drops the stop-words of "%s"', (text, dropped) => {
    for (const w of dropped) expect(folded(text)).not.toContain(w);
  });

  it('keeps an unaccented single syllable that may not be the stop-word ("la" may be "lá")', () => {
    expect(folded('la')).toEqual(['la']);
  });

  it.each([
    'nghèo',
    'hộ',
    'người',
    'lao động',
    'việc làm',
    'tỷ lệ',
    'số',
    'tổng',
    'kế hoạch',
    'chỉ tiêu',
    'đạt',
    'tăng',
    'giảm',
    'không',
    'chưa',
    'cùng kỳ',
    'đối tượng',
    'hàng tháng',
    'nước ngoài',
  ])('keeps the domain word "%s"', (word) => {
    const words = word.split(' ');
    expect(analyzeVi(word).units.filter((u) => !u.stop)).toHaveLength(words.length);
  });

  it('keeps "công" of "người có công" while dropping "có", and names the metric', () => {
    const tokens = tokenizeVi('người có công với cách mạng');
    expect(tokens).toEqual(expect.arrayContaining(['nguoi', 'cong', '@merit-people']));
    expect(tokens).not.toContain('co');
  });
});

describe('analyzeVi', () => {
  it('gives every unit a span into the text', () => {
    const text = 'Còn 14.040 hộ nghèo';
    const spans = analyzeVi(text).units.map((u) => text.slice(u.start, u.end));
    expect(spans).toEqual(['Còn', '14.040', 'hộ', 'nghèo']);
  });

  it('gives the words of an expanded abbreviation the abbreviation span', () => {
    const text = 'tham gia BHYT';
    const units = analyzeVi(text).units.filter((u) => u.start >= 9);
    expect(units.map((u) => text.slice(u.start, u.end))).toEqual(['BHYT', 'BHYT', 'BHYT', 'BHYT']);
  });
});

describe('canonicalNumber', () => {
  it.each([
    ['14.040', '14040'],
    ['7,71', '7.71'],
    ['1.850,4', '1850.4'],
    ['09', '9'],
    ['1.5', '1.5'],
  ])('reads %s as %s', (raw, out) => {
    expect(canonicalNumber(raw)).toBe(out);
  });

  it('returns null for a dotted date', () => {
    expect(canonicalNumber('30.6.2023')).toBeNull();
  });
});

describe('createViTokenizer', () => {
  it('ends every token with the terminator so Orama cannot match a prefix', () => {
    const tokens = createViTokenizer().tokenize('Hộ nghèo BHYT 14.040');
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(t.endsWith(TERMINATOR)).toBe(true);
  });

  it('returns each token once', () => {
    const tokens = createViTokenizer().tokenize('hộ nghèo, hộ cận nghèo');
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
