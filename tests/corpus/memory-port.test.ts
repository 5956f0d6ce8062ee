// The in-memory corpus behind the one corpus port: the port reads what the corpus holds, its
// view of any question is the whole corpus, and a write through it prepares the report once.
import { describe, expect, it } from 'vitest';
import { Corpus } from '../../src/corpus/corpus.ts';
import { memoryPort } from '../../src/corpus/memory-port.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { seeds } from '../helpers/app.ts';

const open = async () => Corpus.open({ store: new MemoryStore(), seeds: await seeds() });

describe('memoryPort', () => {
  it('reads what the corpus holds', async () => {
    const corpus = await open();
    const port = memoryPort(corpus);
    expect(await port.size()).toBe(corpus.size);
    expect(await port.passageCount()).toBe(corpus.passageCount());
    expect((await port.list()).map((r) => r.id)).toEqual(corpus.list().map((r) => r.id));
    const id = corpus.list()[0]?.id ?? '';
    expect(await port.get(id)).toBe(corpus.get(id));
    expect(await port.figuresOf(id)).toEqual(corpus.figuresOf(id));
    expect(port.isSeed(id)).toBe(true);
  });

  it('gives the whole corpus as the view of any question', async () => {
    const corpus = await open();
    expect(await memoryPort(corpus).view(['Tỷ lệ hộ nghèo Quảng Trị năm 2023?'], 'routed')).toBe(corpus);
  });

  it('prepares a posted report once, and once more for a re-post it finds unchanged', async () => {
    const corpus = await open();
    const port = memoryPort(corpus);
    const input = { id: 'qt-copy', text: corpus.list()[0]?.text ?? '' };
    expect((await port.upsert(input)).status).toBe('created');
    expect(corpus.prepares).toBe(1);
    expect((await port.upsert(input)).status).toBe('unchanged');
    expect(corpus.prepares).toBe(2);
  });
});
