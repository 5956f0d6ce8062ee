// Abbreviation lexicon for the tokenizer, built once from src/data/abbreviations.json: which
// written forms expand to which words, and which long phrases also carry a canonical key.
import entries from '../data/abbreviations.json' with { type: 'json' };
import { foldVi } from '../text/fold.ts';

interface AbbreviationEntry {
  abbr: string;
  expansion: string;
  category: string;
  ambiguous?: boolean;
}

export interface Abbreviation {
  /** Expansion as written in the data, parentheticals dropped: "người có công". */
  expansion: string;
  /** Shared by every spelling variant with the same expansion: "#ldtbxh" for LĐ-TB&XH, LĐTBXH … */
  key: string;
}

/**
 * Ambiguous entries kept anyway, matched only in capitals: in welfare reports these letters
 * nearly always mean the listed expansion (KH in "đạt 102,7% KH", LĐ, NCC). The other
 * ambiguous ones (TT, CT, TB, HN, ĐT, VL …) stay plain tokens.
 */
const AMBIGUOUS_KEPT = new Set(['KH', 'LĐ', 'NCC']);

/**
 * Other ways reports name what an abbreviation names, mapped to its key so the two meet.
 * Domain synonyms, not question wordings: XKLĐ is nearly always written out as working abroad.
 */
const SYNONYM_PHRASES: Record<string, string[]> = {
  XKLĐ: [
    'làm việc ở nước ngoài',
    'làm việc tại nước ngoài',
    'làm việc có thời hạn ở nước ngoài',
    'nước ngoài làm việc',
    'lao động ngoài nước',
  ],
  NCC: ['người có công với cách mạng'],
};

const DOTTED_ADMIN: Record<string, string> = { 'H.': 'huyện', 'Q.': 'quận', 'P.': 'phường', 'X.': 'xã' };

function cleanExpansion(s: string): string {
  return s
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

function keyOf(abbr: string): string {
  return `#${foldVi(abbr).replace(/[^a-z0-9]/g, '')}`;
}

/** Written form (case kept) → abbreviation. */
export const ABBREVIATIONS = new Map<string, Abbreviation>();
/** Folded written form → abbreviation, for queries typed in lower case ("bhyt", "xkld"). */
export const ABBREVIATIONS_FOLDED = new Map<string, Abbreviation>();
/** Phrases (folded, space-separated, ≥ 3 syllables) whose presence also emits a key. */
export const KEY_PHRASES = new Map<string, string>();

{
  const keyByExpansion = new Map<string, string>();
  for (const e of entries as AbbreviationEntry[]) {
    if (e.abbr in DOTTED_ADMIN) continue;
    if (e.ambiguous && !AMBIGUOUS_KEPT.has(e.abbr)) continue;
    const expansion = cleanExpansion(e.expansion);
    const folded = foldVi(expansion)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    const key = keyByExpansion.get(folded) ?? keyOf(e.abbr);
    keyByExpansion.set(folded, key);
    const abbreviation = { expansion, key };
    ABBREVIATIONS.set(e.abbr, abbreviation);
    if (!e.ambiguous) ABBREVIATIONS_FOLDED.set(foldVi(e.abbr).replace(/[^a-z0-9]/g, ''), abbreviation);
    // Two-syllable expansions already meet through their bigram; a key would only repeat it.
    if (folded.split(' ').length >= 3) KEY_PHRASES.set(folded, key);
  }
  for (const [abbr, phrases] of Object.entries(SYNONYM_PHRASES)) {
    const key = ABBREVIATIONS.get(abbr)?.key;
    if (!key) continue;
    for (const p of phrases) KEY_PHRASES.set(foldVi(p), key);
  }
}

/** "H.Tịnh Biên" press style: the letter expands only when a capitalised name follows directly. */
export function expandDottedAdmin(letterWithDot: string): string | undefined {
  return DOTTED_ADMIN[letterWithDot];
}

/** Longest key phrase, in syllables, so phrase matching knows how far to look. */
export const KEY_PHRASE_MAX_LENGTH = Math.max(...[...KEY_PHRASES.keys()].map((p) => p.split(' ').length));
