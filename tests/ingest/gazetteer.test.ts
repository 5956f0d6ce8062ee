import { describe, expect, it } from 'vitest';
import { cleanReportText } from '../../src/ingest/clean.ts';
import {
  findPlaceMentions,
  findPlaceMentionsInSlice,
  placeToday,
  resolvePlaceName,
} from '../../src/ingest/gazetteer.ts';
import { seed, seedReports } from '../helpers/seed-reports.ts';

const names = (text: string): string[] => findPlaceMentions(text).map((m) => `${m.place.type} ${m.place.name}`);

describe('findPlaceMentions', () => {
  it.each<[string, string[]]>([
    ['Sở LĐ-TB&XH tỉnh Quảng Trị triển khai nhiệm vụ năm 2024', ['tỉnh Quảng Trị']],
    ['Tỷ lệ nghèo đa chiều huyện Đakrông giảm 4,31%', ['huyện Đakrông']],
    ['UBND thị xã Tịnh Biên báo cáo', ['thị xã Tịnh Biên']],
    ['Năm 2019, huyện Tịnh Biên giảm 1,5% hộ nghèo', ['huyện Tịnh Biên']],
    ['Trung tâm Dịch vụ việc làm tỉnh Bình Định tổ chức tại huyện Tây Sơn', ['tỉnh Bình Định', 'huyện Tây Sơn']],
    ['Quảng Trị chú trọng hỗ trợ phát triển sản xuất', ['tỉnh Quảng Trị']],
    ['Ngành Lao động – Thương binh và Xã hội tỉnh Bắc Kạn', ['tỉnh Bắc Kạn']],
    ['Người dân xã Trung Hòa, huyện Ngân Sơn nhận phân bón', ['huyện Ngân Sơn']],
    ['Thuận Bắc: Thực hiện tốt công tác giảm nghèo', ['huyện Thuận Bắc']],
    ['Hội nghị tại TP. Hồ Chí Minh và quận Bình Thạnh', ['thành phố Hồ Chí Minh', 'quận Bình Thạnh']],
    ['Lao động từ TP.HCM về quê', ['thành phố Hồ Chí Minh']],
    ['UBND TỈNH ĐIỆN BIÊN', ['tỉnh Điện Biên']],
    ['tỉnh Thừa Thiên Huế còn 2,5% hộ nghèo', ['tỉnh Huế']],
    ['thành phố Bắc Kạn có 120 hộ nghèo', ['thành phố Bắc Kạn']],
    ['huyện Quan Hóa, tỉnh Thanh Hóa', ['huyện Quan Hóa', 'tỉnh Thanh Hóa']],
    ['huyện Châu Thành, tỉnh An Giang', ['huyện Châu Thành', 'tỉnh An Giang']],
    ['Tại Sóc Trăng, 3.000 hộ thoát nghèo', ['tỉnh Sóc Trăng']],
    ['Tỉnh Bà Rịa - Vũng Tàu hỗ trợ 1.000 lao động', ['tỉnh Bà Rịa - Vũng Tàu']],
    ['Quận 8 giải quyết việc làm cho 2.000 người', ['quận Quận 8']],
  ])('finds the places in "%s"', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['an sinh xã hội', 'xã hội is not a commune'],
    ['hỗ trợ xây nhà mới tại xã Bình Tân', 'a commune named like a district'],
    ['Công ty TNHH Tân Phú Hiệp tặng 100 triệu đồng', 'a company containing a district name'],
    ['ông Hoàng Nam - Phó Chủ tịch UBND tỉnh', 'a person named Nam'],
    ['thị trường: Đài Loan; Nhật Bản; Hàn Quốc', 'foreign countries'],
    ['Hòa, Bình, Nam, Tân, Đông, Bắc là các tiếng phổ biến', 'lone syllables'],
    ['trên địa bàn huyện 6 tháng cuối năm 2023', 'a number after a type word'],
    ['cơ quan Bảo hiểm Xã hội quan tâm', 'quan in ordinary words'],
    ['Ủy ban MTTQ Việt Nam huyện', 'the country'],
  ])('finds nothing in "%s" (%s)', (text) => {
    expect(findPlaceMentions(text)).toEqual([]);
  });

  it.each<[string, string]>([
    ['ho ngheo quang tri 2023', 'Quảng Trị'],
    ['ty le ho ngheo bac kan', 'Bắc Kạn'],
    ['hộ nghèo huyện tay son', 'Tây Sơn'],
    ['viec lam o thua thien hue', 'Huế'],
  ])('matches the unaccented question "%s"', (q, name) => {
    expect(findPlaceMentions(q)[0]?.place.name).toBe(name);
  });

  it('accepts the older tone placement', () => {
    expect(findPlaceMentions('tỉnh Hoà Bình có 8.000 hộ nghèo')[0]?.place.code).toBe('17');
  });

  it('settles a district name shared by ten provinces with the province named in the text', () => {
    const [m] = findPlaceMentions('huyện Châu Thành, tỉnh Tiền Giang');
    expect(m?.place.province).toBe('Tiền Giang');
  });

  it('settles a shared district name with the provinceCode option', () => {
    expect(findPlaceMentions('huyện Châu Thành giảm 2% hộ nghèo', { provinceCode: '94' })[0]?.place.province).toBe(
      'Sóc Trăng',
    );
  });

  it('leaves out a shared district name it cannot settle', () => {
    expect(findPlaceMentions('huyện Châu Thành giảm 2% hộ nghèo')).toEqual([]);
  });

  it('returns offsets whose slice is the matched text', () => {
    const text = seed('001').raw;
    for (const m of findPlaceMentions(text)) expect(text.slice(m.start, m.end)).toBe(m.matched);
  });

  it('finds the district in the Quảng Trị report', () => {
    const found = findPlaceMentions(seed('001').raw).map((m) => m.place.name);
    expect(found).toContain('Đakrông');
  });
});

describe('resolvePlaceName', () => {
  it.each<[string, object, string, string, string]>([
    ['Tịnh Biến', { fuzzy: true }, 'Tịnh Biên', 'district', 'An Giang'],
    ['Tịnh Biên', {}, 'Tịnh Biên', 'district', 'An Giang'],
    ['tinh bien', {}, 'Tịnh Biên', 'district', 'An Giang'],
    ['Quảng Trị', {}, 'Quảng Trị', 'province', 'Quảng Trị'],
    ['quang tri', {}, 'Quảng Trị', 'province', 'Quảng Trị'],
    ['Bắc Cạn', {}, 'Bắc Kạn', 'province', 'Bắc Kạn'],
    ['Hoà Bình', {}, 'Hòa Bình', 'province', 'Hòa Bình'],
    ['Đa Krông', {}, 'Đakrông', 'district', 'Quảng Trị'],
    ['TP.HCM', {}, 'Hồ Chí Minh', 'province', 'Hồ Chí Minh'],
    ['Tay Sonn', { fuzzy: true }, 'Tây Sơn', 'district', 'Bình Định'],
    ['huyện Tây Sơn', {}, 'Tây Sơn', 'district', 'Bình Định'],
    ['Châu Thành', { provinceCode: '89' }, 'Châu Thành', 'district', 'An Giang'],
    ['thành phố Bắc Kạn', {}, 'Bắc Kạn', 'district', 'Bắc Kạn'],
  ])('resolves "%s"', (name, opts, expected, level, province) => {
    expect(resolvePlaceName(name, opts)).toMatchObject({ name: expected, level, province });
  });

  it('keeps the type the name was written with when the unit has had it', () => {
    expect(resolvePlaceName('huyện Tịnh Biên')?.type).toBe('huyện');
  });

  it('returns null for a district name shared by several provinces without context', () => {
    expect(resolvePlaceName('Châu Thành')).toBeNull();
  });

  it('does not guess a one-mark typo unless asked to', () => {
    expect(resolvePlaceName('Tịnh Biến')).toBeNull();
  });

  it('returns null for an unknown name', () => {
    expect(resolvePlaceName('Atlantis', { fuzzy: true })).toBeNull();
  });
});

describe('placeToday', () => {
  it('says a merged province is part of the new one', () => {
    expect(placeToday(resolvePlaceName('Bắc Kạn')!)).toMatchObject({ name: 'Thái Nguyên' });
  });

  it('says a district now belongs to its new province', () => {
    const today = placeToday(resolvePlaceName('Tây Sơn')!);
    expect(today?.name).toBe('Gia Lai');
    expect(today?.note).toContain('không còn cấp huyện');
  });

  it('says an unchanged province stayed as it was', () => {
    expect(placeToday(resolvePlaceName('Hà Tĩnh')!)?.note).toContain('giữ nguyên');
  });
});

describe('findPlaceMentionsInSlice', () => {
  const text = seedReports.map((s) => cleanReportText(s.raw)).join('\n\n');
  const cuts = Array.from({ length: 200 }, (_, i) => Math.floor((i * 7919) % text.length));

  it('finds what findPlaceMentions finds in the slice, at every slice of the seeds (cut words included)', () => {
    findPlaceMentions(text);
    for (let i = 0; i + 1 < cuts.length; i += 2) {
      const [a, b] = [
        Math.min(cuts[i] as number, cuts[i + 1] as number),
        Math.max(cuts[i] as number, cuts[i + 1] as number),
      ];
      expect(findPlaceMentionsInSlice(text, a, b, { provinceCode: '45' })).toEqual(
        findPlaceMentions(text.slice(a, b), { provinceCode: '45' }),
      );
    }
  });

  it('gives the same answer when another text was scanned last', () => {
    const expected = findPlaceMentions(text.slice(100, 2000));
    findPlaceMentions('Tịnh Biên');
    expect(findPlaceMentionsInSlice(text, 100, 2000)).toEqual(expected);
  });
});
