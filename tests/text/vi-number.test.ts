import { describe, expect, it } from 'vitest';
import { formatViNumber, parseViNumber } from '../../src/text/vi-number.ts';

describe('parseViNumber', () => {
  it.each([
    ['14.040', 14040],
    ['7,71', 7.71],
    ['1.850,4', 1850.4],
    ['259.310', 259310],
    ['09', 9],
    ['1.234.567', 1234567],
    ['0,53', 0.53],
    ['1.5', 1.5],
  ])('reads %s as %d', (raw, value) => {
    expect(parseViNumber(raw)).toBe(value);
  });

  it.each([['abc'], [''], ['1.2.3'], ['12,34,5']])('refuses %j', (raw) => {
    expect(parseViNumber(raw)).toBeNull();
  });
});

describe('formatViNumber', () => {
  it.each([
    [23967, '23.967'],
    [13.16, '13,16'],
    [182101.1673, '182.101,17'],
    [0.5, '0,5'],
    [1000000, '1.000.000'],
    [-2.89, '-2,89'],
    [56.25, '56,25'],
  ])('writes %d as %s', (n, text) => {
    expect(formatViNumber(n)).toBe(text);
  });

  it('honours the number of decimals asked for', () => {
    expect(formatViNumber(141.6666, 1)).toBe('141,7');
    expect(formatViNumber(182101.17, 0)).toBe('182.101');
  });
});
