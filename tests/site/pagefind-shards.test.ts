// Splitting paper pages into Pagefind shards.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARD_SIZE, planShards } from '../../src/integrations/pagefind-shards.ts';

describe('planShards', () => {
  it('puts the first shard in pagefind/ and the rest in numbered folders, sorted', () => {
    expect(planShards(['papers/e/', 'papers/a/', 'papers/c/', 'papers/b/', 'papers/d/'], 2)).toEqual([
      { folder: 'pagefind/', pages: ['papers/a/', 'papers/b/'] },
      { folder: 'pagefind/shard-1/', pages: ['papers/c/', 'papers/d/'] },
      { folder: 'pagefind/shard-2/', pages: ['papers/e/'] },
    ]);
  });

  it('keeps one (possibly empty) shard, so the search bundle always exists', () => {
    expect(planShards([], 10)).toEqual([{ folder: 'pagefind/', pages: [] }]);
    expect(planShards(['papers/a/'], undefined)).toHaveLength(1);
    expect(DEFAULT_SHARD_SIZE).toBe(2500);
  });

  it('rejects a bad PAGEFIND_SHARD_SIZE with a message naming it', () => {
    expect(() => planShards(['x'], '0')).toThrow('PAGEFIND_SHARD_SIZE must be a positive whole number, got "0".');
    expect(() => planShards(['x'], 'lots')).toThrow('PAGEFIND_SHARD_SIZE must be a positive whole number, got "lots".');
  });
});
