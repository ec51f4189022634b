// Feature: the site's addresses. Every URL (pages, feeds, assets, data, search), the site
// URL the pages are written for, and the sitemap. Depends on src/config.ts, and on archive/
// for the sitemap's list of pages.
//
// The one place site URLs are made: every page, link, asset, feed and search URL comes
// from here, so `base` (sub-folder hosting) and `site` are honoured everywhere.

// Outside Vite (the search indexer runs while Astro loads its config) there is no env: the
// callers there pass `base` explicitly. Only `import.meta.env.BASE_URL` is named, never
// `import.meta.env` alone: for a bare reference Astro inlines every environment variable whose
// name occurs in the module's source (`_`, the shell's path of the launching command, among
// them), and the page's incremental-build hash would then change with how a build is launched.
import { PARAMS } from '../search/contract.ts';

const BASE: string = baseUrl();

function baseUrl(): string {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}

/** `base` with exactly one leading and one trailing slash (`/`, `/archive/`). */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A site-relative path (`days/`) joined to the base: `/archive/days/`. */
export function withBase(path: string, base: string = BASE): string {
  return normalizeBase(base) + path.replace(/^\/+/, '');
}

/** The home page: the latest day. */
export const homePath = (base: string = BASE): string => withBase('', base);

/** Every day of the archive, grouped by month. */
export const daysPath = (base: string = BASE): string => withBase('days/', base);

/** One day's listing; `id` is `YYYY-MM-DD`. */
export const dayPath = (id: string, base: string = BASE): string => withBase(`days/${id}/`, base);

/** Every ISO week of the archive. */
export const weeksPath = (base: string = BASE): string => withBase('weeks/', base);

/** One ISO week's papers; `id` is `YYYY-Www`. */
export const weekPath = (id: string, base: string = BASE): string => withBase(`weeks/${id}/`, base);

/** Every month of the archive. */
export const monthsPath = (base: string = BASE): string => withBase('months/', base);

/** One month's papers; `id` is `YYYY-MM`. */
export const monthPath = (id: string, base: string = BASE): string => withBase(`months/${id}/`, base);

/** The sitemap index, and its numbered parts. */
export const sitemapPath = (base: string = BASE): string => withBase('sitemap.xml', base);
export const sitemapPartPath = (n: number, base: string = BASE): string => withBase(`sitemaps/${n}.xml`, base);

/** One paper; `slug` is its content file name. */
export const paperPath = (slug: string, base: string = BASE): string =>
  withBase(`papers/${encodeURIComponent(slug)}/`, base);

/** The search page, optionally with a query (a search is a link). */
export function searchPath(query = '', base: string = BASE): string {
  const path = withBase('search/', base);
  return query ? `${path}?${new URLSearchParams({ [PARAMS.query]: query })}` : path;
}

/** The search page showing an organisation's papers (its slug in the search's `org` parameter). */
export const orgSearchPath = (slug: string, base: string = BASE): string => `${withBase('search/', base)}?${new URLSearchParams({ [PARAMS.org]: slug })}`;

/** The main feed (every paper, newest first): RSS, and its JSON Feed twin. */
export const feedPath = (base: string = BASE): string => withBase('rss.xml', base);
export const jsonFeedPath = (base: string = BASE): string => withBase('feed.json', base);

/** The digest feed (one item per archived day): RSS and JSON Feed. */
export const digestFeedPath = (base: string = BASE): string => withBase('digest.xml', base);
export const digestJsonFeedPath = (base: string = BASE): string => withBase('digest.json', base);

/** The page listing every feed. */
export const feedsPath = (base: string = BASE): string => withBase('feeds/', base);

/** The Pagefind bundle's folder in the output, written by `src/integrations/pagefind.ts`. */
export const PAGEFIND_DIR = 'pagefind';
export const pagefindPath = (base: string = BASE): string => withBase(`${PAGEFIND_DIR}/`, base);

/** A file from `public/` (favicon and the like). */
export const assetPath = (file: string, base: string = BASE): string => withBase(file, base);

/** An absolute URL for a path made above, on `site` (from Astro's `site` config). */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** Every topic of topics.json. */
export const topicsPath = (base: string = BASE): string => withBase('topics/', base);

/** One topic's papers; `name` is its slug in topics.json. */
export const topicPath = (name: string, base: string = BASE): string => withBase(`topics/${name}/`, base);

/** One topic's RSS feed, and its JSON Feed twin. */
export const topicFeedPath = (name: string, base: string = BASE): string => withBase(`topics/${name}/rss.xml`, base);
export const topicJsonFeedPath = (name: string, base: string = BASE): string => withBase(`topics/${name}/feed.json`, base);

/** The open data: its page (what the files are, their fields, the version). */
export const dataPath = (base: string = BASE): string => withBase('data/', base);

/** The open data's catalogue: every file and day, machine-readable. */
export const dataIndexPath = (base: string = BASE): string => withBase('data/index.json', base);

/** The open data's files, in the output folder (src/open-data/open-data-fs.ts writes them). */
export const PAPERS_NDJSON_FILE = 'data/papers.ndjson';
export const PAPERS_CSV_FILE = 'data/papers.csv';
export const DAY_DATA_DIR = 'data/days';

/** Every paper, one JSON record a line. */
export const papersNdjsonPath = (base: string = BASE): string => withBase(PAPERS_NDJSON_FILE, base);

/** Every paper, one CSV row each. */
export const papersCsvPath = (base: string = BASE): string => withBase(PAPERS_CSV_FILE, base);

/** One day's papers as JSON; `id` is `YYYY-MM-DD`. */
export const dayDataPath = (id: string, base: string = BASE): string => withBase(`${DAY_DATA_DIR}/${id}.json`, base);

/** The folder segment of a schema version (`v1`), as the route `data/schema/[version]/` names it. */
export const schemaVersionSegment = (version: number): string => `v${version}`;

/** The JSON Schema of one record kind (`paper`, `day`, `index`) in one schema version. */
export const dataSchemaPath = (name: string, version: number, base: string = BASE): string =>
  withBase(`data/schema/${schemaVersionSegment(version)}/${name}.json`, base);

/** The archive's statistics, drawn as charts. */
export const statsPath = (base: string = BASE): string => withBase('stats/', base);

/** Every organisation, with its paper count. */
export const orgsPath = (base: string = BASE): string => withBase('orgs/', base);

/** One organisation's papers; `slug` from src/orgs/orgs.ts. */
export const orgPath = (slug: string, base: string = BASE): string => withBase(`orgs/${slug}/`, base);

/** One organisation's RSS feed, and its JSON Feed twin. */
export const orgFeedPath = (slug: string, base: string = BASE): string => withBase(`orgs/${slug}/rss.xml`, base);
export const orgJsonFeedPath = (slug: string, base: string = BASE): string => withBase(`orgs/${slug}/feed.json`, base);

/** Every feed of the site in one OPML file, for feed readers to import at once. */
export const opmlPath = (base: string = BASE): string => withBase('feeds.opml', base);
