// Plain-text excerpts: an abstract's text cut at a word boundary.
import { describe, expect, it } from 'vitest';
import { cutExcerpt } from '../../src/format/cut-excerpt.ts';

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
