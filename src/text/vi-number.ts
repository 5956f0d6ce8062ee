// vi-VN numbers in and out: dot groups thousands, comma marks decimals ("14.040", "7,71").
// Our own small module so every runtime formats the same way (Intl data differs between them).

/**
 * Parses a number as Vietnamese reports write it; null when it is not one.
 * A dot followed by exactly three digits groups thousands; a single comma is the decimal mark.
 * "12,005" stays 12.005 (a decimal); callers with unit context decide otherwise.
 * @example parseViNumber('14.040') // 14040
 * @example parseViNumber('7,71') // 7.71
 * @example parseViNumber('1.850,4') // 1850.4
 */
export function parseViNumber(raw: string): number | null {
  const value = parseDigits(raw.trim());
  // A figure beyond MAX_FIGURE_VALUE (or beyond what a double holds: 400 digits read as Infinity)
  // is no welfare quantity: a code, a typo or an attack, never a number an answer may use.
  return value === null || !Number.isFinite(value) || value > MAX_FIGURE_VALUE ? null : value;
}

/**
 * The largest number read as a figure: 10^15, a million billion, above any budget a welfare
 * report states in đồng ("1.500.000.000.000 đồng" is 1,5·10^12) and where doubles still count
 * every unit exactly.
 */
export const MAX_FIGURE_VALUE = 1e15;

function parseDigits(s: string): number | null {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(?:,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  // A decimal point is sometimes typed English-style ("1.5%"): one dot, not three digits after it.
  if (/^\d+\.\d{1,2}$/.test(s) || /^\d+\.\d{4,}$/.test(s)) return Number(s);
  return null;
}

/**
 * Formats a number the vi-VN way with at most `maxDecimals` decimals, trailing zeros dropped.
 * @example formatViNumber(23967) // '23.967'
 * @example formatViNumber(13.16) // '13,16'
 */
export function formatViNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  const [int = '0', frac = ''] = rounded.toFixed(maxDecimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = frac.replace(/0+$/, '');
  const sign = n < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${decimals ? `,${decimals}` : ''}`;
}
