// A paper's facts in words: unknown is "unknown", never 0.
import { describe, expect, it } from 'vitest';
import { describeAuthors, describeComments, describePublished } from '../../src/format/describe-paper.ts';

describe('describe-paper', () => {
  it('counts authors, or names the organisation, or says unknown', () => {
    expect(describeAuthors({ authors: 1, organization: null })).toBe('1 author');
    expect(describeAuthors({ authors: 0, organization: null })).toBe('0 authors');
    expect(describeAuthors({ authors: null, organization: 'Lab' })).toBe('Lab');
    expect(describeAuthors({ authors: null, organization: null })).toBe('Authors unknown');
  });

  it('counts comments or says unknown', () => {
    expect(describeComments(0)).toBe('0 comments');
    expect(describeComments(1)).toBe('1 comment');
    expect(describeComments(null)).toBe('Comments unknown');
  });

  it('formats the publication date or says unknown', () => {
    expect(describePublished('2025-01-01')).toBe('January 1, 2025');
    expect(describePublished(null)).toBe('unknown');
  });
});
