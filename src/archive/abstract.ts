// Feature: the archive. Loading what the ingester wrote (content/days, content/papers) for
// the pages: the content loader and its lean index, the archive model (days, papers, weeks,
// months), the /days/ calendar, abstracts. Depends on cache/, format/, src/schema.ts and
// src/content-dir.ts; every page and feature reads the archive through load-archive.ts.
//
// The one way pages read a paper's abstract. The content index keeps only its opening
// (`data.excerpt`); the whole abstract is in the paper's own file. Every abstract as plain
// text is kept between builds by the file's digest (src/cache/derived-cache-fs.ts): a build
// reads only the new and changed files (`allAbstracts`), and the others' text from the cache
// when a page asks for it.
import fs from 'node:fs';
import { configuredContent } from '../content-dir.ts';
import { buildShared } from '../cache/build-shared.ts';
import { derivePerPaperLazily, type PaperValues } from '../cache/derived-cache-fs.ts';
import { sharedArchive, type Paper } from './load-archive.ts';
import { markdownText, splitFrontMatter, textToHtml } from '../format/markdown-text.ts';

/** The abstract as plain text, from `content/papers/<slug>.md`. */
export function abstractText(paper: Pick<Paper, 'id'>): string {
  const text = fs.readFileSync(configuredContent().paperFile(paper.id), 'utf8');
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

/**
 * The version of "a paper file as plain text" (markdown-text.ts): bump it when that changes
 * the text a file gives, and every cached abstract is derived again. A number rather than the
 * code's own source, because two builds of the code share the cache: the pages' (bundled by
 * Vite) and the open-data step's (src/integrations/open-data.ts), whose sources differ.
 */
export const ABSTRACT_TEXT_VERSION = 1;

/**
 * Every paper's abstract as plain text, by slug, through the derived-values cache: new and
 * changed papers' now, the others' read from the cache when first asked for.
 */
export function readAbstracts(papers: Iterable<Pick<Paper, 'id' | 'digest'>>): PaperValues<string> {
  return derivePerPaperLazily(papers, {
    kind: 'abstracts',
    salt: `abstract-text-${ABSTRACT_TEXT_VERSION}`,
    derive: (id) => abstractText({ id }),
  });
}

let all: Promise<PaperValues<string>> | undefined;

/** Every paper's abstract as plain text, by slug: the same map for every caller in a build. */
export function allAbstracts(): Promise<PaperValues<string>> {
  return (all ??= sharedAbstracts());
}

/** The build's abstracts, shared by the pages and the open-data step; outside a build, read now. */
export function sharedAbstracts(): Promise<PaperValues<string>> {
  return buildShared('abstracts', () => sharedArchive().then((archive) => readAbstracts(archive.paperBySlug.values())));
}
