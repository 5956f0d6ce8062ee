// Issue 17: place names written in their spelling variants ("Đắk"/"Đăk", "Kạn"/"Cạn") and table
// rows whose first cell is a bare district name followed by its number. Behaviour: a Vietnamese
// question in, the right figure out, on a report written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { findPlaceMentions } from '../../src/ingest/gazetteer.ts';
import { findQueryPlaces } from '../../src/search/places.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { loanSyllable } from '../../src/text/place-spelling.ts';

// Written with "Đắk" where the gazetteer spells "Đăk", and with spaces, not tabs, in the table.
const DAK_NONG = `Tỉnh Đắk Nông: số hộ nghèo năm 2023 theo huyện

Bảng 1. Số hộ nghèo năm 2023 theo huyện (đơn vị: hộ)
Huyện Số hộ nghèo
Đắk Glong 4.120
Tuy Đức 3.305
Krông Nô 1.870`;

let assistant: Assistant;

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
  await corpus.upsert({ id: 'dak-nong-2023', text: DAK_NONG });
  assistant = createAssistant(corpus);
});

describe('issue 17: spelling variants of place names', () => {
  it('gives "Đắk", "Đăk" and "Đak" one form, and "Kạn" and "Cạn" another', () => {
    expect(loanSyllable('Đắk')).toBe(loanSyllable('đăk'));
    expect(loanSyllable('đak')).toBe(loanSyllable('đắk'));
    expect(loanSyllable('Kạn')).toBe(loanSyllable('cạn'));
    // Native syllables keep their tones: "lắk" ends in k, "lắc" does not.
    expect(loanSyllable('hòa')).toBe('hòa');
  });

  it('finds the district in a question and in a report whichever way "Đắk" is written', () => {
    expect(findQueryPlaces('hộ nghèo huyện Đắk Glong').map((p) => p.level)).toContain('district');
    expect(findPlaceMentions('UBND tỉnh Bắc Cạn').map((m) => m.place.name)).toEqual(['Bắc Kạn']);
  });

  it('reads a bare district name that begins a table row before its number', async () => {
    const r = await assistant.ask({ question: 'Năm 2023 huyện Tuy Đức có bao nhiêu hộ nghèo?', history: [] });
    expect(r.status).toBe('answered');
    expect(r.facts.map((f) => f.value)).toEqual([3305]);
  });

  it('answers a district asked as "Đắk Glong" from a row the gazetteer spells "Đăk Glong"', async () => {
    const r = await assistant.ask({ question: 'Số hộ nghèo huyện Đắk Glong năm 2023?', history: [] });
    expect(r.status).toBe('answered');
    expect(r.facts.map((f) => f.value)).toEqual([4120]);
  });
});
