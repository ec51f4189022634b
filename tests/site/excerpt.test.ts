// Plain-text excerpts: rendered abstract HTML → text → cut at a word boundary.
import { describe, expect, it } from 'vitest';
import { cutExcerpt } from '../../src/utils/cut-excerpt.ts';
import { htmlToText } from '../../src/utils/html-to-text.ts';

describe('htmlToText', () => {
  it('drops tags and decodes the entities remark emits', () => {
    expect(htmlToText('<p>2 * 3, a_b, [x](y) and &#x3C;b>bold&#x3C;/b> &amp; &quot;q&quot;</p>\n')).toBe(
      '2 * 3, a_b, [x](y) and <b>bold</b> & "q"',
    );
    expect(htmlToText('<p>one</p>\n<p>two&#39;s &lt;tag&gt; &#8212; &unknown;</p>')).toBe("one two's <tag> — &unknown;");
  });
});

describe('cutExcerpt', () => {
  it('keeps short text whole', () => {
    expect(cutExcerpt('short text', 250)).toBe('short text');
    const exact = 'a'.repeat(250);
    expect(cutExcerpt(exact, 250)).toBe(exact);
  });

  it('cuts at the last word boundary within the limit and adds an ellipsis', () => {
    const text = 'word '.repeat(100).trim(); // 499 chars
    const cut = cutExcerpt(text, 250);
    expect(cut.endsWith('word…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(251);
    expect(cutExcerpt('alpha beta, gamma delta', 12)).toBe('alpha beta…');
  });

  it('cuts a single overlong word rather than dropping everything', () => {
    expect(cutExcerpt(`see ${'x'.repeat(300)}`, 20)).toBe(`see ${'x'.repeat(16)}…`);
  });
});
