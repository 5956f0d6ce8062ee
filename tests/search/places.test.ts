// Place names in questions, matched folded against the gazetteer.
import { describe, expect, it } from 'vitest';
import { findQueryPlaces } from '../../src/search/places.ts';

describe('findQueryPlaces', () => {
  it.each([
    ['ho ngheo quang tri', 'quang tri', '45'],
    ['BHYT Tay Son', 'tay son', '547'],
    ['Tỷ lệ nghèo đa chiều huyện Đakrông giảm bao nhiêu?', 'dakrong', '467'],
    ['hộ nghèo Đa Krông', 'dakrong', '467'],
    ['lao dong nuoc ngoai Bac Kan', 'bac kan', '06'],
    ['Tỷ lệ hộ nghèo của Hà Giang năm 2023?', 'ha giang', '02'],
    ['người có công ở Thừa Thiên Huế', 'hue', '46'],
    ['BHXH tự nguyện tỉnh Bà Rịa - Vũng Tàu', 'ba ria vung tau', '77'],
    ['hộ nghèo Hoà Bình', 'hoa binh', '17'],
    ['việc làm thị xã Tịnh Biên', 'tinh bien', '890'],
    ['Cà Mau giảm nghèo', 'ca mau', '96'],
  ])('finds the place in "%s"', (query, key, code) => {
    expect(findQueryPlaces(query)).toContainEqual(expect.objectContaining({ key, code }));
  });

  it.each([['Giá vàng hôm nay bao nhiêu?'], ['ho ngheo'], ['Vinh danh người có công']])(
    'finds no place in "%s"',
    (query) => {
      expect(findQueryPlaces(query)).toEqual([]);
    },
  );

  it('skips a commune that shares a district name ("xã Bình Tân")', () => {
    expect(findQueryPlaces('hộ nghèo xã Bình Tân')).toEqual([]);
  });
});
