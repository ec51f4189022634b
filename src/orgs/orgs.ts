// Organisations grouped from the archive's papers: who is one organisation, the name shown,
// and a stable URL slug for each. Pure; orgs-fs.ts calls it once per build.
//
// Identity: names that differ only in letter case, spacing or Unicode form are one organisation
// (`orgKey`); the page shows the spelling most papers carry (ties: the one listed first).
// Slugs: readable ASCII from the identity (never from the spelling shown, so a new most-used
// spelling moves no URL), like paper slugs. Two organisations whose names give the same slug
// ("Meta AI", "Meta-AI"): the one listed first keeps it, each later one gets the slug plus 8 hex
// digits of its identity's SHA-256, so an organisation appearing later moves no URL either.
// "Listed first" is by day; on the same day, by code-unit order of the identity (or spelling),
// never by the place on the day's page: a day captured again in another order moves nothing,
// and the search indexer, which reads paper files and not day pages, finds the same slugs.
// Only a change of the past moves one: a backfilled older day bringing a colliding organisation
// first, or every paper of the first one leaving the archive. (Persisting slugs as slugs.json
// does for papers would need the ingester to name organisations; it does not.)
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import { SLUG } from '../schema.ts';
import { compareText } from '../format/compare.ts';
import { orgKey, orgSpelling } from './org-name.ts';

/** Slugs longer than this are cut at a word boundary (as paper slugs are). */
export const MAX_ORG_SLUG = 80;

/** What grouping needs of a paper. */
export interface OrgPaper {
  slug: string;
  organization: string | null;
  /** The day it was first listed (YYYY-MM-DD). */
  day: string;
}

/** One spelling of an organisation's name and how many papers carry it. */
export interface Spelling {
  name: string;
  papers: number;
}

export interface Organization {
  /** Its URL segment: stable, unique (see the module's header). */
  slug: string;
  /** Its identity (`orgKey`): what every spelling of its name shares. */
  key: string;
  /** The name shown: the most used spelling. */
  name: string;
  /** Every spelling, most used first (ties: listed first first, then code-unit order); `name` is the first. */
  spellings: Spelling[];
  /** Its papers' slugs, newest first. */
  papers: string[];
}

export interface OrgIndex {
  /** Every organisation, most papers first (ties: by identity, in code-unit order). */
  orgs: Organization[];
  bySlug: Map<string, Organization>;
  /** The organisation a paper's `organization` names, or undefined for null / unknown. */
  orgOf(name: string | null): Organization | undefined;
}

const hex8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/** The slug an identity gets when no organisation listed before it has taken it. */
export function orgSlugBase(key: string): string {
  // decamelize off: "DeepMind" stays "deepmind" (keys are lower case anyway).
  let s = slugify(key, { decamelize: false });
  if (s.length > MAX_ORG_SLUG) {
    const cut = s.lastIndexOf('-', MAX_ORG_SLUG);
    s = cut > 0 ? s.slice(0, cut) : s.slice(0, MAX_ORG_SLUG).replace(/-+$/, '');
  }
  // Scripts the transliterator does not know (清华大学) give nothing readable.
  return SLUG.test(s) ? s : `org-${hex8(key)}`;
}

/** The slug of an identity whose base slug an organisation listed before it already has. */
export function orgSlugTaken(key: string): string {
  return `${orgSlugBase(key)}-${hex8(key)}`;
}

/**
 * Slugs for identities in the order they were first listed (oldest first): the base slug,
 * or, when an earlier identity has it, `orgSlugTaken`. Throws when even that is taken
 * (only an organisation named like another's slug and hash could do it), naming both.
 */
export function assignOrgSlugs(keysOldestFirst: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const key of keysOldestFirst) {
    let slug = orgSlugBase(key);
    if (owner.has(slug)) slug = orgSlugTaken(key);
    const other = owner.get(slug);
    if (other !== undefined) throw new Error(`Organisations "${other}" and "${key}" would share the URL slug "${slug}"; correct one of the names.`);
    owner.set(slug, key);
    out.set(key, slug);
  }
  return out;
}

/** Group papers (newest first, as the archive orders them) by organisation. */
export function indexOrganizations(newestFirst: readonly OrgPaper[]): OrgIndex {
  const keyOfName = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keyOfName.get(name);
    if (key === undefined) keyOfName.set(name, (key = orgKey(name)));
    return key;
  };
  interface Group {
    key: string;
    papers: string[];
    /** The day of its first listed paper. */
    first: string;
    /** Spelling → [papers, the day of its first listed paper]. */
    spellings: Map<string, { papers: number; first: string }>;
  }
  const groups = new Map<string, Group>();
  for (const paper of newestFirst) {
    if (paper.organization === null) continue;
    const key = keyOf(paper.organization);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, papers: [], first: paper.day, spellings: new Map() }));
    group.papers.push(paper.slug);
    if (paper.day < group.first) group.first = paper.day;
    const spelling = orgSpelling(paper.organization);
    const seen = group.spellings.get(spelling);
    if (!seen) group.spellings.set(spelling, { papers: 1, first: paper.day });
    else (seen.papers++, paper.day < seen.first && (seen.first = paper.day));
  }
  const oldestFirst = [...groups.values()].sort((a, b) => compareText(a.first, b.first) || compareText(a.key, b.key));
  const slugs = assignOrgSlugs(oldestFirst.map((g) => g.key));
  const orgs: Organization[] = [...groups.values()].map((g) => {
    const spellings = [...g.spellings]
      .sort(([x, a], [y, b]) => b.papers - a.papers || compareText(a.first, b.first) || compareText(x, y))
      .map(([name, s]) => ({ name, papers: s.papers }));
    return { slug: slugs.get(g.key)!, key: g.key, name: spellings[0].name, spellings, papers: g.papers };
  });
  orgs.sort((a, b) => b.papers.length - a.papers.length || compareText(a.key, b.key));
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  return {
    orgs,
    bySlug: new Map(orgs.map((o) => [o.slug, o])),
    orgOf: (name) => (name === null ? undefined : byKey.get(keyOf(name))),
  };
}
