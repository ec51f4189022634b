// The one way pages read a paper's abstract (HTML or plain text), so where abstracts are
// stored (the content store today) can change without touching any page.
import { htmlToText } from './html-to-text.ts';
import type { Paper } from './load-archive.ts';

/** The abstract as safe HTML (rendered from the paper's Markdown body). */
export function abstractHtml(paper: Paper): string {
  return paper.rendered?.html ?? '';
}

/** The abstract as plain text. */
export function abstractText(paper: Paper): string {
  return htmlToText(abstractHtml(paper));
}
