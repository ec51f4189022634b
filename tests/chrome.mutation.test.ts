// Page chrome recognition (scripts/ingest/chrome.ts), line by line and block by block: which
// lines are the site's own text and which stay a paper's.
import { describe, expect, it } from 'vitest';
import { isCardChromeBlock, isSiteChromeBlock, isSiteChromeLine } from '../scripts/ingest/chrome.ts';

describe('isSiteChromeLine', () => {
  it('compares with the surrounding space trimmed and inner runs of space folded', () => {
    expect(isSiteChromeLine('  Models  ')).toBe(true);
    expect(isSiteChromeLine('Log   in')).toBe(true);
    expect(isSiteChromeLine('Log\tin')).toBe(true);
  });

  it('takes the copyright line with or without a space in Hugging Face, only at its start', () => {
    expect(isSiteChromeLine('© 2025 Hugging Face')).toBe(true);
    expect(isSiteChromeLine('©HuggingFace')).toBe(true);
    expect(isSiteChromeLine('Made with © Hugging Face')).toBe(false);
  });

  it('takes a bare count, not a title that starts with a number', () => {
    expect(isSiteChromeLine('42')).toBe(true);
    expect(isSiteChromeLine('3D Gaussians')).toBe(false);
    expect(isSiteChromeLine('2 Fast 2 Furious')).toBe(false);
  });

  it('takes a card control only as the whole line', () => {
    expect(isSiteChromeLine('Upvote')).toBe(true);
    expect(isSiteChromeLine('Upvote this paper')).toBe(false);
    expect(isSiteChromeLine('Share your thoughts')).toBe(false);
  });
});

describe('isSiteChromeBlock', () => {
  it('needs every line to be chrome', () => {
    expect(isSiteChromeBlock(['Models', 'Datasets'])).toBe(true);
    expect(isSiteChromeBlock(['Models', 'A Real Title'])).toBe(false);
  });

  it('needs one line that is not a bare number, though numbers may stand beside words', () => {
    expect(isSiteChromeBlock(['Models', '42'])).toBe(true);
    expect(isSiteChromeBlock(['12'])).toBe(false);
    expect(isSiteChromeBlock(['12', '345'])).toBe(false);
    // Lines that start or end with digits are words all the same.
    expect(isSiteChromeBlock(['12 upvotes'])).toBe(true);
    expect(isSiteChromeBlock(['Submitted by ak123'])).toBe(true);
  });
});

describe('isCardChromeBlock', () => {
  it('needs every line to be a card control', () => {
    expect(isCardChromeBlock(['Upvote', 'Copy link'])).toBe(true);
    expect(isCardChromeBlock(['Upvote', 'A Real Title'])).toBe(false);
    // Site navigation is not a card control.
    expect(isCardChromeBlock(['Models'])).toBe(false);
  });

  it('takes counts of upvotes or comments in the singular or plural', () => {
    expect(isCardChromeBlock(['12 upvote'])).toBe(true);
    expect(isCardChromeBlock(['12 upvotes'])).toBe(true);
    expect(isCardChromeBlock(['1 comment'])).toBe(true);
    expect(isCardChromeBlock(['3comments'])).toBe(true);
    expect(isCardChromeBlock(['12 likes'])).toBe(false);
  });

  it('takes a bare number only beside a control word (a title can be a number alone)', () => {
    expect(isCardChromeBlock(['Upvote', '12'])).toBe(true);
    expect(isCardChromeBlock(['12'])).toBe(false);
    expect(isCardChromeBlock(['12', '3'])).toBe(false);
    expect(isCardChromeBlock(['Submitted by ak123'])).toBe(true);
    expect(isCardChromeBlock(['Share this'])).toBe(false);
  });
});
