// Paper slugs (scripts/ingest/slug.ts), asserted in-process: the CLI tests exercise slugs
// only through a child process, which mutation testing cannot see.
import { describe, expect, it } from 'vitest';
import { assignSlug, baseSlug, MAX_SLUG } from '../scripts/ingest/slug.ts';

// Nine letters: in a slug of such words, the hyphens stand at 9, 19, 29 …
const word = 'abcdefghi';

describe('baseSlug', () => {
  it('lowercases, transliterates and keeps camel case words whole', () => {
    expect(baseSlug('MLGym: A Framework')).toBe('mlgym-a-framework');
    expect(baseSlug('Ünïcödé – Straße')).toBe('uenicoede-strasse');
  });

  it('keeps a slug of exactly the maximum length', () => {
    // 10 + 7 × (1 + 9) = 80 characters.
    const title = ['abcdefghij', ...Array(7).fill(word)].join(' ');
    expect(MAX_SLUG).toBe(80);
    expect(baseSlug(title)).toBe(['abcdefghij', ...Array(7).fill(word)].join('-'));
    expect(baseSlug(title)).toHaveLength(80);
  });

  it('cuts a longer slug at the last hyphen within the maximum', () => {
    // 10 words: 99 characters; hyphens at 9, 19, …, 79, 89: the cut is at 79, 8 words kept.
    const title = Array(10).fill(word).join(' ');
    expect(baseSlug(title)).toBe(Array(8).fill(word).join('-'));
    // A hyphen exactly at the maximum (index 80) is a cut point too: 10 + 7 × 10 = 80.
    const at80 = ['abcdefghij', ...Array(7).fill(word), 'tail'].join(' ');
    expect(baseSlug(at80)).toBe(['abcdefghij', ...Array(7).fill(word)].join('-'));
  });

  it('cuts at a hyphen well before the maximum rather than inside the word across it', () => {
    // 7 words (hyphens at 9 … 59, then 69) and a 20-letter word across index 80: cut at 69.
    const title = [...Array(7).fill(word), 'x'.repeat(20)].join(' ');
    expect(baseSlug(title)).toBe(Array(7).fill(word).join('-'));
  });

  it('cuts a single overlong word at the maximum', () => {
    expect(baseSlug('a'.repeat(100))).toBe('a'.repeat(80));
  });

  it('falls back to paper- and the title’s SHA-256 when nothing transliterates', () => {
    // Digests from coreutils: printf '🙂🙂' | sha256sum, printf '数学' | sha256sum.
    expect(baseSlug('🙂🙂')).toBe('paper-f5f56730');
    expect(baseSlug('数学')).toBe('paper-872c1fa1');
  });
});

describe('assignSlug', () => {
  it('gives the base slug when it is free, and takes it', () => {
    const taken = new Set<string>(['other']);
    expect(assignSlug('Fish and Chips', taken)).toBe('fish-and-chips');
    expect([...taken].sort()).toEqual(['fish-and-chips', 'other']);
  });

  it('numbers a taken slug from 2, skipping numbers taken too', () => {
    const taken = new Set<string>(['fish-and-chips']);
    expect(assignSlug('Fish and Chips', taken)).toBe('fish-and-chips-2');
    expect(assignSlug('Fish, Chips!', new Set(['fish-chips', 'fish-chips-2', 'fish-chips-3']))).toBe('fish-chips-4');
    expect(assignSlug('Fish and Chips', taken)).toBe('fish-and-chips-3');
    expect(taken).toEqual(new Set(['fish-and-chips', 'fish-and-chips-2', 'fish-and-chips-3']));
  });
});
