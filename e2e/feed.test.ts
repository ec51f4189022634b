// The main RSS feed, read with a real XML parser: structure, order, links, dates, escaping.
// The root build keeps every paper; the sub-folder build (FEED_LIMIT 4) checks the base.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { fileForPath } from './collect-links.ts';
import type { SiteBuild } from './global-setup.ts';

const root = inject('rootSite');
const base = inject('baseSite'); // the sub-folder build: links must carry the base
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'item' });

async function readRss(site: SiteBuild) {
  const xml = await readFile(path.join(site.dir, 'rss.xml'), 'utf8');
  const { rss } = parser.parse(xml);
  return { xml, rss, channel: rss.channel, items: rss.channel.item as Record<string, any>[] };
}

describe('rss.xml', async () => {
  const { rss, channel, items } = await readRss(base);
  const full = await readRss(root);

  it('is RSS 2.0 with an atom:link to itself', () => {
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(channel['atom:link']).toMatchObject({
      '@href': 'https://papers.example.org/archive/rss.xml',
      '@rel': 'self',
      '@type': 'application/rss+xml',
    });
    expect(channel.link).toBe('https://papers.example.org/archive/');
    expect(channel.language).toBe('en');
  });

  it('has a lastBuildDate from the newest listed day, not the clock', () => {
    const newestPub = items.map((i) => Date.parse(i.pubDate)).reduce((a, b) => Math.max(a, b));
    expect(channel.lastBuildDate).toMatch(/^\w{3}, \d\d \w{3} \d{4} 00:00:00 GMT$/);
    expect(Date.parse(channel.lastBuildDate)).toBe(newestPub); // the fixture's newest day lists new papers
  });

  it('has one item per paper, newest first by first listed day then listed order', () => {
    expect(full.items.map((i) => new URL(i.link).pathname.split('/').at(-2))).toEqual([
      'long-context-retrieval',
      'tiny-vision-transformer', // repeat-listed-benchmark was listed before: not new here
      'escaped-markdown-abstract',
      'unknown-metadata-paper',
      'script-alert-title',
      'repeat-listed-benchmark',
      'organization-only-model',
      'fish-and-chips',
      'quokka-gradient-descent',
      'sparse-attention-atlas',
    ]);
  });

  it('links each item to a built page, with a permalink guid and a fixed RFC 822 pubDate', () => {
    for (const item of items) {
      const file = fileForPath(new URL(item.link).pathname, base.base);
      expect(file && existsSync(path.join(base.dir, file)), item.link).toBe(true);
      expect(item.guid).toEqual({ '#text': item.link, '@isPermaLink': 'true' });
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 00:00:00 GMT$/);
    }
    const repeat = full.items.find((i) => i.link.endsWith('/repeat-listed-benchmark/'))!;
    expect(repeat.pubDate).toBe('Tue, 31 Dec 2024 00:00:00 GMT');
  });

  it('keeps hostile titles and abstracts as text', () => {
    const hostile = full.items.find((i) => i.link.endsWith('/script-alert-title/'))!;
    expect(hostile.title).toBe('<script>alert(1)</script>');
    // The description is HTML; the abstract's literal tag stays escaped inside it.
    expect(hostile.description).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(full.items.find((i) => i.link.endsWith('/fish-and-chips/'))!.title).toBe('Fish & "Chips"');
    expect(full.xml).not.toContain('<script>');
  });
});
