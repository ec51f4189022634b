// Topic pages and feeds from topics.json, read with a real XML parser under a sub-folder base.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { fileForPath } from './collect-links.ts';
import { parseTopics } from '../src/topics/topics.ts';

const site = inject('baseSite');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'item' });
const topics = parseTopics(readFileSync('topics.json', 'utf8'), 'topics.json');

describe('topics', () => {
  it('has an index linking every topic and its feed', () => {
    const html = readFileSync(path.join(site.dir, 'topics/index.html'), 'utf8');
    for (const t of topics) {
      expect(html).toContain(`href="/archive/topics/${t.name}/"`);
      expect(html).toContain(`href="/archive/topics/${t.name}/rss.xml"`);
    }
  });

  it.each(topics.map((t) => t.name))('%s: page and RSS feed build, even when empty', (name) => {
    const page = readFileSync(path.join(site.dir, 'topics', name, 'index.html'), 'utf8');
    expect(page).toContain(`<link rel="alternate" type="application/rss+xml"`);
    const { rss } = parser.parse(readFileSync(path.join(site.dir, 'topics', name, 'rss.xml'), 'utf8'));
    expect(rss.channel['atom:link']['@href']).toBe(`http://localhost:4321/archive/topics/${name}/rss.xml`);
    const items: Record<string, any>[] = rss.channel.item ?? [];
    expect(new Set(items.map((i) => i.guid['#text'])).size).toBe(items.length);
    for (const item of items) {
      const file = fileForPath(new URL(item.link).pathname, site.base);
      expect(file && existsSync(path.join(site.dir, file)), item.link).toBe(true);
    }
  });

  it('matches whole words in title or abstract', () => {
    const { rss } = parser.parse(readFileSync(path.join(site.dir, 'topics/efficiency/rss.xml'), 'utf8'));
    expect(rss.channel.item.map((i: any) => new URL(i.link).pathname)).toEqual(['/archive/papers/sparse-attention-atlas/']);
  });
});
