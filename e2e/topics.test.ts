// Topic pages and feeds from topics.json, read with real HTML and XML parsers under a sub-folder
// base: each topic holds the papers e2e/fixture-topics.ts names by hand, newest first, on its
// page and in its feed. (The 200-paper cap and the feed limit over many papers: rebuild.test.ts.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, inject, it } from 'vitest';
import { fileForPath } from './collect-links.ts';
import { FIXTURE_TOPICS } from './fixture-topics.ts';
import { parseTopics } from '../src/topics/topics.ts';

const site = inject('baseSite');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'item' });
const topics = parseTopics(readFileSync('topics.json', 'utf8'), 'topics.json');
/** Each fixture paper's first listed day, by hand from e2e/fixtures/content/days/. */
const FIRST_LISTED: Record<string, string> = {
  'fish-and-chips': '2024-11-29',
  'quokka-gradient-descent': '2024-11-29',
  'sparse-attention-atlas': '2024-11-29',
  'script-alert-title': '2024-12-31',
  'repeat-listed-benchmark': '2024-12-31',
  'organization-only-model': '2024-12-31',
  'unknown-metadata-paper': '2025-01-01',
  'long-context-retrieval': '2025-02-03',
  'tiny-vision-transformer': '2025-02-03',
};
/** Listed order within a day, by hand, for papers first listed the same day. */
const LISTED_ORDER = Object.keys(FIRST_LISTED);
/** A topic's papers newest first: by first listed day, then in listed order. */
const newestFirst = (slugs: readonly string[]) =>
  [...slugs].sort((a, b) => FIRST_LISTED[b].localeCompare(FIRST_LISTED[a]) || LISTED_ORDER.indexOf(a) - LISTED_ORDER.indexOf(b));

describe('topics', () => {
  it('has an index linking every topic and its feed', () => {
    const html = readFileSync(path.join(site.dir, 'topics/index.html'), 'utf8');
    for (const t of topics) {
      expect(html).toContain(`href="/archive/topics/${t.name}/"`);
      expect(html).toContain(`href="/archive/topics/${t.name}/rss.xml"`);
    }
  });

  it.each(topics.map((t) => t.name))('%s: its page and RSS feed list its papers, newest first', (name) => {
    const expected = newestFirst(FIXTURE_TOPICS[name]).map((s) => `/archive/papers/${s}/`);
    expect(expected.length).toBeGreaterThan(0);
    const page = parseDocument(readFileSync(path.join(site.dir, 'topics', name, 'index.html'), 'utf8'));
    const listed = DomUtils.findAll((e) => e.name === 'a' && (e.parent as { name?: string } | null)?.name === 'h2', page.children).map((a) => a.attribs.href);
    expect(listed).toEqual(expected);
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'p' && e.attribs.class === 'muted', page.children)!)).toMatch(
      new RegExp(`^\\s*${expected.length} papers? mention`),
    );
    const html = readFileSync(path.join(site.dir, 'topics', name, 'index.html'), 'utf8');
    expect(html).toContain(`<link rel="alternate" type="application/rss+xml"`);
    const { rss } = parser.parse(readFileSync(path.join(site.dir, 'topics', name, 'rss.xml'), 'utf8'));
    expect(rss.channel['atom:link']['@href']).toBe(`${site.siteUrl}/archive/topics/${name}/rss.xml`);
    const items: Record<string, any>[] = rss.channel.item ?? [];
    // The base build keeps 4 items a feed (FEED_LIMIT): no fixture topic holds more.
    expect(items.map((i) => new URL(i.link).pathname)).toEqual(expected);
    for (const item of items) {
      expect(item.guid['#text']).toBe(item.link);
      const file = fileForPath(new URL(item.link).pathname, site.base);
      expect(file && existsSync(path.join(site.dir, file)), item.link).toBe(true);
    }
  });

  it('matches whole words in title or abstract', () => {
    const { rss } = parser.parse(readFileSync(path.join(site.dir, 'topics/efficiency/rss.xml'), 'utf8'));
    expect(rss.channel.item.map((i: any) => new URL(i.link).pathname)).toEqual(['/archive/papers/sparse-attention-atlas/']);
  });
});
