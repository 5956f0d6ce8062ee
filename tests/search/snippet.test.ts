// Snippets: escaped HTML, matched words in <mark>, a window around the matches of long passages.
import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../../src/search/snippet.ts';
import { escapeHtml } from '../../src/text/escape-html.ts';

describe('buildSnippet', () => {
  it('escapes HTML before marking', () => {
    const text = 'Tỉnh <script>alert(1)</script> còn 9.876 hộ nghèo';
    const at = text.indexOf('hộ');
    const snippet = buildSnippet(text, [{ start: at, end: at + 2, term: 'ho' }]);
    expect(snippet).not.toContain('<script>');
    expect(snippet).toContain('&lt;script&gt;');
    expect(snippet).toContain('<mark>hộ</mark>');
  });

  it('joins marks separated only by spaces', () => {
    const text = 'Còn 14.040 hộ nghèo.';
    const snippet = buildSnippet(text, [
      { start: 11, end: 13, term: 'ho' },
      { start: 14, end: 19, term: 'ngheo' },
    ]);
    expect(snippet).toBe('Còn 14.040 <mark>hộ nghèo</mark>.');
  });

  it('cuts a long passage to a window around the matches, with ellipses', () => {
    const filler = 'công tác an sinh xã hội được triển khai đầy đủ, kịp thời. '.repeat(10);
    const text = `${filler}Toàn huyện có 1.855 hộ nghèo. ${filler}`;
    const at = text.indexOf('1.855');
    const snippet = buildSnippet(text, [{ start: at, end: at + 5, term: '1855' }]);
    expect(snippet).toContain('<mark>1.855</mark>');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(302);
  });

  it('returns a short passage whole', () => {
    expect(buildSnippet('Không có gì', [])).toBe('Không có gì');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
