import { describe, expect, it } from 'vitest';
import { staleFiles } from '../../src/cache/stale-files.ts';

describe('staleFiles', () => {
  const produced = new Set(['index.html', 'papers/a/index.html', 'rss.xml', 'favicon.svg']);
  it('returns what this build did not produce, sorted', () => {
    const files = ['papers/b/index.html', 'index.html', 'papers/a/index.html', 'old.xml', 'rss.xml', 'favicon.svg'];
    expect(staleFiles(files, produced, [])).toEqual(['old.xml', 'papers/b/index.html']);
  });
  it('leaves folders another step owns, matching whole folder names only', () => {
    const files = ['pagefind/pagefind.js', 'pagefind/shard-1/x.pf_meta', 'pagefind-old/pagefind.js', 'pagefind', '_astro/a.css'];
    expect(staleFiles(files, produced, ['pagefind', '_astro'])).toEqual(['pagefind-old/pagefind.js']);
  });
});
