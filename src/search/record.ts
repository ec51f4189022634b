// Pure: one paper as the small HTML document Pagefind indexes. Built from the collection,
// not from the rendered page, so indexing needs no HTML output and can run alongside
// page rendering. The title is an <h1>, which Pagefind weights above body text (a custom
// record, `addCustomRecord`, has no weights: title words would rank like abstract words).
import { facetsOf, type SearchPaper } from './plan.ts';
import { META, SORT_KEYS } from './contract.ts';
import { paperPath } from '../site/paths.ts';
import { describePublished } from '../format/describe-paper.ts';
import { formatDay } from '../format/format-day.ts';
import { escapeHtml } from '../format/escape-html.ts';

/**
 * The Pagefind record of a paper: its site-relative URL (the search page adds the base, so
 * one index serves any sub-folder) and its HTML, with the dates as the result list shows
 * them, the year filters and the sort keys.
 */
export function toRecord(paper: SearchPaper, abstractText: string): { url: string; content: string } {
  const { published, listed } = facetsOf(paper);
  const tag = (kind: string, key: string, value: string) => `<i data-pagefind-${kind}="${key}:${escapeHtml(value)}"></i>`;
  const hidden = [
    ...published.map((y) => tag('filter', 'published', y)),
    ...listed.map((y) => tag('filter', 'listed', y)),
    tag('meta', META.published, describePublished(paper.published)),
    tag('meta', META.listed, formatDay(paper.days[0])),
    tag('meta', META.comments, String(paper.comments ?? -1)),
    tag('sort', SORT_KEYS.newest, paper.days[0]),
    // Unknown counts sort below zero comments.
    tag('sort', SORT_KEYS.comments, String(paper.comments ?? -1)),
  ].join('');
  return {
    url: paperPath(paper.slug, '/'),
    content:
      `<!doctype html><html lang="en"><body><main data-pagefind-body>` +
      `<h1 data-pagefind-meta="${META.title}">${escapeHtml(paper.title)}</h1>${hidden}` +
      `<p>${escapeHtml(abstractText)}</p></main></body></html>`,
  };
}
