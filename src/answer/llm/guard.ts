// The number guard: a language model's text may only state numbers the core can back — a fact's
// value, a computation's value (vi-VN formatting and shown rounding understood), a year or date of
// the result, or a citation marker. Anything else is an offending number and the text is refused.
import { MONEY_UNITS } from '../../extract/units.ts';

/** A number as written in a text: "14.040" → 14040, "7,71" → 7.71, "24 nghìn" → 24 with scale 1e3. */
export interface WrittenNumber {
  raw: string;
  value: number;
  decimals: number;
  /** The scale word after it: nghìn/ngàn 1e3, triệu 1e6, tỷ/tỉ 1e9; 1 when none. */
  scale: number;
  index: number;
}

/** A value the text may state, in the unit the report wrote it in. */
export interface BackedValue {
  value: number;
  unit: string;
}

export interface Allowance {
  /** Facts' and computations' values. */
  values: BackedValue[];
  /** Trusted texts (the deterministic answer, facts' periods and labels, formulas): their numbers may be repeated as written. */
  trusted: string[];
  /** Citation numbers an "[n]" marker may name. */
  markers: number[];
}

export interface GuardResult {
  ok: boolean;
  /** Numbers (or number words) with nothing behind them, as written. */
  offendingNumbers: string[];
  /** "[n]" markers that name no citation. */
  badMarkers: string[];
}

// The same tokenisation as the evaluation's scorer, so the guard never passes what it would flag.
const NUMBER = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
const MARKER = /\[(\d+(?:\s*[,–-]\s*\d+)*)\]/g;
const DATE = /(?<!\d)\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?!\d)/g;
const SCALE_WORDS: [RegExp, number][] = [
  [/^\s*chục(?![\p{L}])/u, 10],
  [/^\s*trăm(?![\p{L}])/u, 100],
  [/^\s*(?:nghìn|ngàn)(?![\p{L}])/u, 1e3],
  [/^\s*vạn(?![\p{L}])/u, 1e4],
  [/^\s*triệu(?![\p{L}])/u, 1e6],
  [/^\s*(?:tỷ|tỉ)(?![\p{L}])/u, 1e9],
];
/**
 * Numbers spelled out ("chín mươi chín nghìn", "năm chục nghìn", "hai vạn", "bảy phần trăm") would
 * slip past a digit scan: refused outright. A run counts when it joins a digit word to a
 * multiplier; "hàng trăm hộ" or "một số hộ" alone state no number.
 */
const NUMBER_WORD =
  '(?:một|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|mốt|nửa|rưỡi|chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|lẻ|linh|phần\\s+trăm|phần\\s+nghìn)';
const NUMBER_WORDS = new RegExp(`(?<![\\p{L}])${NUMBER_WORD}(?:\\s+${NUMBER_WORD})+(?![\\p{L}])`, 'giu');
const DIGIT_WORD = /^(?:một|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mốt|nửa|rưỡi)$/iu;
const MULTIPLIER_WORD = /^(?:mươi|mười|chục|trăm|nghìn|ngàn|vạn|triệu|tỷ|tỉ|phần)$/iu;
/**
 * Digits other than 0-9 (full-width "５", Arabic-Indic "٥", Devanagari, circled "⑤", Roman "Ⅻ",
 * fractions "½"): a model has no reason to write them, and the digit scan would not read them.
 * Superscripts after a unit letter ("m²") are units, not numbers.
 */
const OTHER_DIGITS = /(?![0-9])\p{N}/gu;
const UNIT_POWER = /[mk][²³]/u;
/** Unit conversions a reader (and the evaluation) recognises: same unit, or a thousand or a million apart. */
const FACTORS = [1, 1e3, 1e-3, 1e6, 1e-6];
/** Rounding a value for the reader is fine; a shown value more than 0.5 % off is not the value. */
const MAX_ROUNDING_ERROR = 0.005;

/** Every number written in `text`, with the scale word that follows it. */
export function numbersIn(text: string): WrittenNumber[] {
  return [...text.matchAll(NUMBER)].map((m) => {
    const [int = '', dec = ''] = m[0].split(',');
    const index = m.index ?? 0;
    const after = text.slice(index + m[0].length, index + m[0].length + 12);
    const scale = SCALE_WORDS.find(([re]) => re.test(after))?.[1] ?? 1;
    return {
      raw: m[0],
      value: Number(int.replace(/\./g, '') + (dec ? `.${dec}` : '')),
      decimals: dec.length,
      scale,
      index,
    };
  });
}

/** What a unit's own scale word multiplies by: "tỷ đồng" 1e9, "nghìn người" 1e3, "hộ" 1. */
function unitScale(unit: string): number {
  return MONEY_UNITS[unit] ?? SCALE_WORDS.find(([re]) => re.test(unit))?.[1] ?? 1;
}

function near(a: number, b: number, rel = 1e-9) {
  return Math.abs(a - b) <= rel * Math.max(1e-9, Math.abs(a), Math.abs(b));
}

/** Is `n` the value `c`, exactly or rounded to the decimals it shows (and then within 0.5 %)? */
function showsValue(n: WrittenNumber, c: number) {
  if (near(n.value, c)) return true;
  const p = 10 ** n.decimals;
  return near(Math.round(c * p) / p, n.value) && Math.abs(c - n.value) <= MAX_ROUNDING_ERROR * Math.abs(c);
}

/**
 * Does the written number state `v`: as the report wrote it (rounding as shown understood), or
 * converted by a thousand or a million with a scale word that keeps the quantity ("14,04 nghìn hộ")?
 */
export function states(n: WrittenNumber, v: BackedValue): boolean {
  const quantity = v.value * unitScale(v.unit);
  const sameQuantity = near(n.value * n.scale, quantity, MAX_ROUNDING_ERROR);
  for (const k of FACTORS) {
    if (!showsValue(n, v.value * k)) continue;
    if (k === 1 && (n.scale === 1 || sameQuantity)) return true;
    if (k !== 1 && sameQuantity) return true;
  }
  return false;
}

/** The text with its "[n]" markers and dates blanked, and what they named. */
function stripMarkers(text: string, markers: number[]) {
  const bad: string[] = [];
  const rest = text.replace(MARKER, (m, inner: string) => {
    const ns = inner.split(/\s*[,–-]\s*/).map(Number);
    if (!ns.every((n) => markers.includes(n))) bad.push(m);
    return ' '.repeat(m.length);
  });
  return { rest, bad };
}

function normaliseDate(d: string) {
  return d
    .split('/')
    .map((p) => String(Number(p)))
    .join('/');
}

/**
 * Checks every number of `text` against what the core can back.
 * @example checkNumbers('Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo [1].', { values: [{ value: 14040, unit: 'hộ' }], trusted: ['cuối năm 2023'], markers: [1] }).ok // true
 */
export function checkNumbers(text: string, allow: Allowance): GuardResult {
  const { rest: unmarked, bad } = stripMarkers(text, allow.markers);
  const trustedText = allow.trusted.join('\n');
  const trustedDates = new Set([...trustedText.matchAll(DATE)].map((m) => normaliseDate(m[0])));
  const offending: string[] = [];
  const rest = unmarked.replace(DATE, (d) => {
    if (!trustedDates.has(normaliseDate(d))) offending.push(d);
    return ' '.repeat(d.length);
  });
  const trusted = new Set(numbersIn(trustedText).map((n) => n.value));
  for (const n of numbersIn(rest)) {
    if (n.scale === 1 && trusted.has(n.value)) continue;
    if (allow.values.some((v) => states(n, v))) continue;
    offending.push(n.raw);
  }
  for (const m of rest.matchAll(NUMBER_WORDS)) {
    const words = m[0].split(/\s+/);
    if (words.some((w) => DIGIT_WORD.test(w)) && words.some((w) => MULTIPLIER_WORD.test(w))) offending.push(m[0]);
  }
  for (const m of rest.matchAll(OTHER_DIGITS)) {
    const i = m.index ?? 0;
    if (!UNIT_POWER.test(rest.slice(Math.max(0, i - 1), i + 1))) offending.push(m[0]);
  }
  return { ok: offending.length === 0 && bad.length === 0, offendingNumbers: offending, badMarkers: bad };
}

/** The citation numbers a text names with "[n]" markers. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(MARKER)].flatMap((m) => (m[1] ?? '').split(/\s*[,–-]\s*/).map(Number));
}
