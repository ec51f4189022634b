// Records → file text: validated front matter (gray-matter, schema key order) and the
// abstract as Markdown. Same record, same bytes.
import matter from 'gray-matter';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import { daySchema, paperSchema, type DayData, type PaperData } from '../../src/schema.ts';

// lineWidth -1: never fold long titles over several lines. js-yaml quotes every string
// that would read back as another type ('2025-12-09', 'null', 'true', '1e3' …).
const YAML_OPTIONS = { lineWidth: -1 } as matter.GrayMatterOption<string, never>;
const markdown = unified().use(remarkStringify);
type Root = Parameters<typeof markdown.stringify>[0];

/** The abstract as Markdown whose rendered text is exactly `text` (specials escaped). */
export function abstractToMarkdown(text: string): string {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
  return markdown.stringify(tree);
}

/** `content/papers/<slug>.md`. Throws on an invalid record: that is a bug, not bad input. */
export function renderPaper(data: PaperData, abstract: string): string {
  const p = paperSchema.parse(data);
  const ordered: PaperData = {
    title: p.title,
    authors: p.authors,
    organization: p.organization,
    published: p.published,
    comments: p.comments,
    days: p.days,
  };
  return matter.stringify(abstractToMarkdown(abstract), ordered, YAML_OPTIONS);
}

/** `content/days/YYYY-MM-DD.md`: front matter only. */
export function renderDay(data: DayData): string {
  const d = daySchema.parse(data);
  const ordered: DayData = { date: d.date, papers: d.papers, source: { file: d.source.file, sha256: d.source.sha256 } };
  return matter.stringify('', ordered, YAML_OPTIONS);
}

/** Reads a rendered file's front matter back (the inverse of the renderers, for the reader). */
export function readFrontMatter(text: string): { data: Record<string, unknown>; content: string } {
  // Passing options turns off gray-matter's cache, which would keep every file in memory.
  const f = matter(text, {});
  return { data: f.data, content: f.content };
}
