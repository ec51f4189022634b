// Cache keys for the incremental build (src/cache/cache-key.ts): a digest of exactly what a
// page shows, so a change to anything shown changes the key and nothing else does.
import { describe, expect, it } from 'vitest';
import { cacheKey, excerptKeyPart, paperKeyPart, paperPageKeyPart, periodKeyPart } from '../src/cache/cache-key.ts';

const data = { title: 'T', authors: 2, organization: null, published: '2025-01-01', comments: 3, days: ['2025-01-02'], excerpt: 'E' };

describe('cacheKey', () => {
  it('is the first 32 base64url characters of the SHA-256 of the parts as JSON', () => {
    // printf '["a",1]' | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | cut -c1-32
    expect(cacheKey('a', 1)).toBe('E18XpHWmGv3urzdZrS5FrRx6uxkjlavk');
    expect(cacheKey()).toBe('T1PNoYwrqgwDVLtfmj7L5e0Sq02OEbqH');
  });

  it('changes with the order of the parts', () => {
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('b', 'a'));
  });
});

describe('key parts', () => {
  it('a list item: the id and the whole front matter', () => {
    expect(paperKeyPart({ id: 'p', data })).toEqual(['p', data]);
  });

  it('a paper page: that and the file digest, null when there is none', () => {
    expect(paperPageKeyPart({ id: 'p', data, digest: 'abc' })).toEqual(['p', data, 'abc']);
    expect(paperPageKeyPart({ id: 'p', data, digest: 0 })).toEqual(['p', data, 0]);
    expect(paperPageKeyPart({ id: 'p', data })).toEqual(['p', data, null]);
  });

  it('names the front matter by its digest where the content index gives one', () => {
    expect(paperKeyPart({ id: 'p', data, dataDigest: 'dd' })).toEqual(['p', 'dd']);
    expect(paperPageKeyPart({ id: 'p', data, digest: 'abc', dataDigest: 'dd' })).toEqual(['p', 'dd', 'abc']);
  });

  it('a period list: the facts it shows, not the days nor the excerpt', () => {
    expect(periodKeyPart({ id: 'p', data })).toEqual(['p', 'T', 2, null, '2025-01-01', 3]);
    const listedElsewhere = { ...data, days: ['2025-02-02'], excerpt: 'F' };
    expect(cacheKey(periodKeyPart({ id: 'p', data }))).toBe(cacheKey(periodKeyPart({ id: 'p', data: listedElsewhere })));
  });

  it('a topic list: the facts and the excerpt, not the days', () => {
    expect(excerptKeyPart({ id: 'p', data })).toEqual([['p', 'T', 2, null, '2025-01-01', 3], 'E']);
  });
});
