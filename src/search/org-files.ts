// Pure: the organisation filter's files (contract.ts `orgFile`, `OrgPapers`), one per
// organisation: its name and its papers' Pagefind page ids by shard. Organisations are grouped by
// src/orgs/orgs.ts from the same papers the site groups, so slugs and names agree with /orgs/.
// An organisation is not in the Pagefind record: a paper listed again under another spelling
// changes these files, never a shard's bundle.
import { indexOrganizations } from '../orgs/orgs.ts';
import { orgFile, type OrgPapers } from './contract.ts';
import type { SearchPaper } from './plan.ts';

/** What the files need of a shard (oldest first; a shard's id is its place). */
export interface OrgShard<P extends Pick<SearchPaper, 'slug' | 'organization' | 'days'> = Pick<SearchPaper, 'slug' | 'organization' | 'days'>> {
  papers: readonly P[];
  /** Pagefind's page id by record URL. */
  pageIds: ReadonlyMap<string, string>;
}

/** The files by their path under `pagefind/`. */
export function orgFiles<P extends Pick<SearchPaper, 'slug' | 'organization' | 'days'>>(shards: readonly OrgShard<P>[], url: (p: P) => string): Map<string, string> {
  const where = new Map<string, { shard: number; page: string }>();
  const papers: { slug: string; organization: string | null; day: string }[] = [];
  shards.forEach((shard, id) => {
    for (const p of shard.papers) {
      if (p.organization === null) continue;
      const page = shard.pageIds.get(url(p));
      if (page === undefined) throw new Error(`the search shard holding ${p.slug} has no page for ${url(p)}`);
      where.set(p.slug, { shard: id, page });
      papers.push({ slug: p.slug, organization: p.organization, day: p.days[0] });
    }
  });
  const files = new Map<string, string>();
  for (const org of indexOrganizations(papers.reverse()).orgs) {
    const byShard: OrgPapers['shards'] = {};
    // Newest first, as the organisation lists them.
    for (const slug of org.papers) {
      const { shard, page } = where.get(slug)!;
      (byShard[shard] ??= []).push(page);
    }
    files.set(orgFile(org.slug), JSON.stringify({ name: org.name, shards: byShard } satisfies OrgPapers));
  }
  return files;
}
