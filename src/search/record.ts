// Pure: one paper as the small HTML document Pagefind indexes. Built from the collection,
// not from the rendered page, so indexing needs no HTML output and can run alongside
// page rendering. The title is an <h1>, which Pagefind weights above body text.
import { facetsOf, type SearchPaper } from './plan.ts';
import { paperPath } from '../utils/paths.ts';
import { describePublished } from '../utils/describe-paper.ts';
import { formatDay } from '../utils/format-day.ts';
import { escapeHtml } from '../utils/escape-html.ts';

/**
 * The Pagefind record of a paper: its site-relative URL (the search page adds the base, so
 * one index serves any sub-folder) and its HTML, with the dates as the result list shows them.
 */
export function toRecord(paper: SearchPaper, abstractText: string): { url: string; content: string } {
  const { published, listed } = facetsOf(paper);
  const filters = [
    ...published.map((y) => `<i data-pagefind-filter="published:${escapeHtml(y)}"></i>`),
    ...listed.map((y) => `<i data-pagefind-filter="listed:${escapeHtml(y)}"></i>`),
  ].join('');
  const meta = [
    `<i data-pagefind-meta="published:${escapeHtml(describePublished(paper.published))}"></i>`,
    `<i data-pagefind-meta="listed:${escapeHtml(formatDay(paper.days[0]))}"></i>`,
  ].join('');
  return {
    url: paperPath(paper.slug, '/'),
    content:
      `<!doctype html><html lang="en"><body><main data-pagefind-body>` +
      `<h1 data-pagefind-meta="title">${escapeHtml(paper.title)}</h1>${meta}${filters}` +
      `<p>${escapeHtml(abstractText)}</p></main></body></html>`,
  };
}
