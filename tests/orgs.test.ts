// Organisations: one identity for names that differ only in case, spacing or Unicode form; the
// most used spelling shown; slugs that stay put when spellings or other organisations come and
// go; the filter's folding. Expected values written by hand (hashes from `sha256sum`).
import { describe, expect, it } from 'vitest';
import { filterText, orgKey, orgSpelling } from '../src/orgs/org-name.ts';
import { assignOrgSlugs, indexOrganizations, orgSlugBase, type OrgPaper } from '../src/orgs/orgs.ts';

describe('orgKey', () => {
  it('is one identity across letter case, spacing and Unicode form', () => {
    const same = ['ETH Zürich', 'eth zürich', 'ETH  Zürich', ' ETH\u00A0Zürich ', 'ETH Zu\u0308rich', 'ＥＴＨ Zürich', 'ETH\u200B Zürich', 'ETH ZÜRICH'];
    for (const name of same) expect(orgKey(name), name).toBe('eth zürich');
    expect(orgKey('Straße Lab')).toBe(orgKey('STRASSE LAB'));
  });

  it('keeps names apart that a reader can tell apart', () => {
    const apart = ['Meta AI', 'Meta-AI', 'MetaAI', 'Meta AI Research', 'ETH Zurich'];
    expect(new Set(apart.map(orgKey)).size).toBe(apart.length);
  });
});

describe('orgSpelling', () => {
  it('folds what a reader cannot see, keeps case', () => {
    expect(orgSpelling(' NVIDIA\u00A0 Research\u200B ')).toBe('NVIDIA Research');
    expect(orgSpelling('ETH Zu\u0308rich')).toBe('ETH Z\u00fcrich');
    expect(orgSpelling('nvidia')).toBe('nvidia');
  });
});

describe('org slugs', () => {
  it('are readable ASCII from the identity, with a hash for scripts the transliterator lacks', () => {
    expect(orgSlugBase('eth zürich')).toBe('eth-zuerich');
    expect(orgSlugBase('at&t labs')).toBe('at-and-t-labs');
    expect(orgSlugBase('清华大学')).toBe('org-07a6d492');
    const long = orgSlugBase('the very long name of a laboratory that studies many things in many places at once');
    expect(long).toBe('the-very-long-name-of-a-laboratory-that-studies-many-things-in-many-places-at');
  });

  it('on a collision the organisation listed first keeps the slug; later ones add their hash', () => {
    expect(Object.fromEntries(assignOrgSlugs(['meta ai', 'meta-ai', 'meta.ai']))).toEqual({
      'meta ai': 'meta-ai',
      'meta-ai': 'meta-ai-43939d3e',
      'meta.ai': 'meta-ai-7a1f6436',
    });
  });

  it('fails, naming both, when a slug with its hash is taken too', () => {
    expect(() => assignOrgSlugs(['meta ai', 'meta-ai-43939d3e', 'meta-ai'])).toThrow(
      'Organisations "meta-ai-43939d3e" and "meta-ai" would share the URL slug "meta-ai-43939d3e"',
    );
  });
});

/** Papers newest first: `[slug, organization]`, each listed a day before the one above it (the last on 2024-01-01). */
const papers = (rows: [string, string | null][], last = '2024-01-01'): OrgPaper[] =>
  rows.map(([slug, organization], i) => ({ slug, organization, day: new Date(Date.parse(last) + (rows.length - 1 - i) * 86_400_000).toISOString().slice(0, 10) }));

describe('indexOrganizations', () => {
  const archive = papers([
    ['p8', 'Meta-AI'],
    ['p7', 'nvidia'],
    ['p6', null],
    ['p5', 'Nvidia'],
    ['p4', 'NVIDIA'],
    ['p3', 'Meta AI'],
    ['p2', 'NVIDIA'],
    ['p1', 'nvidia '],
  ]);
  const index = indexOrganizations(archive);

  it('groups every paper of an organisation, newest first, most papers first', () => {
    expect(index.orgs.map((o) => [o.slug, o.name, o.papers])).toEqual([
      ['nvidia', 'nvidia', ['p7', 'p5', 'p4', 'p2', 'p1']],
      ['meta-ai', 'Meta AI', ['p3']],
      ['meta-ai-43939d3e', 'Meta-AI', ['p8']],
    ]);
    expect(index.orgOf('NVIDIA ')?.slug).toBe('nvidia');
    expect(index.orgOf(null)).toBeUndefined();
    expect(index.orgOf('Unknown Lab')).toBeUndefined();
    expect(index.bySlug.get('meta-ai')?.name).toBe('Meta AI');
  });

  it('shows the most used spelling; a tie goes to the spelling listed first', () => {
    // nvidia: 2 papers (p7, p1), NVIDIA: 2 (p4, p2), Nvidia: 1; "nvidia" was listed first (p1).
    expect(index.bySlug.get('nvidia')!.spellings).toEqual([
      { name: 'nvidia', papers: 2 },
      { name: 'NVIDIA', papers: 2 },
      { name: 'Nvidia', papers: 1 },
    ]);
  });

  it('keeps every slug when a new spelling wins or a colliding organisation appears later', () => {
    const later = indexOrganizations([...papers([['p11', 'MetaAI'], ['p10', 'META-AI'], ['p9', 'NVIDIA'], ['p8b', 'NVIDIA']], '2024-02-01'), ...archive]);
    expect(later.bySlug.get('nvidia')!.name).toBe('NVIDIA');
    expect(later.orgs.map((o) => [o.name, o.slug]).sort()).toEqual([
      ['Meta AI', 'meta-ai'],
      ['Meta-AI', 'meta-ai-43939d3e'],
      ['MetaAI', 'metaai'],
      ['NVIDIA', 'nvidia'],
    ]);
  });

  it('is the same whatever the order of organisations with equal counts', () => {
    const a = indexOrganizations(papers([['x', 'Beta'], ['y', 'Alpha']]));
    expect(a.orgs.map((o) => o.name)).toEqual(['Alpha', 'Beta']);
  });

  it('on one day, goes by name and never by the place on the page: slugs and the name shown', () => {
    const day = (rows: [string, string][]) => rows.map(([slug, organization]) => ({ slug, organization, day: '2024-03-01' }));
    const rows: [string, string][] = [['a', 'Meta-AI'], ['b', 'Meta AI'], ['c', 'LAB X'], ['d', 'Lab X']];
    for (const order of [rows, [...rows].reverse()]) {
      const index = indexOrganizations(day(order));
      // "meta ai" sorts before "meta-ai" (space before hyphen), so it keeps the plain slug.
      expect(index.orgOf('Meta AI')!.slug).toBe('meta-ai');
      expect(index.orgOf('Meta-AI')!.slug).toBe('meta-ai-43939d3e');
      // One paper each: "LAB X" sorts before "Lab X".
      expect(index.orgOf('lab x')!.name).toBe('LAB X');
    }
  });
});

describe('filterText', () => {
  it('compares letters and digits only, without accents or case', () => {
    expect(filterText('ETH Zürich')).toBe('ethzurich');
    expect(filterText('eth-zu\u0308rich')).toBe('ethzurich');
    expect(filterText('AT&T Labs')).toBe('attlabs');
    expect(filterText('清华 大学')).toBe('清华大学');
  });
});
