// The one way pages read a paper's abstract. The content store keeps only its opening
// (`data.excerpt`); the whole abstract is read from the paper's own file when its page
// (or the feed) renders, so the store a build holds in memory stays small.
import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '../content-dir.ts';
import type { Paper } from './load-archive.ts';
import { markdownText, splitFrontMatter, textToHtml } from './markdown-text.ts';

/** The abstract as plain text, from `content/papers/<slug>.md`. */
export function abstractText(paper: Pick<Paper, 'id'>): string {
  const text = fs.readFileSync(path.join(contentDir('papers'), `${paper.id}.md`), 'utf8');
  return markdownText(splitFrontMatter(text)?.body ?? '');
}

/** The abstract as safe HTML (one paragraph). */
export function abstractHtml(paper: Pick<Paper, 'id'>): string {
  return textToHtml(abstractText(paper));
}

/** The opening of the abstract shown on list pages (kept in the content store). */
export function excerptOf(paper: Pick<Paper, 'data'>): string {
  return paper.data.excerpt;
}
