// Each topic's papers over a whole archive (src/topics/topic-papers.ts): read through the
// content index and the derived-values cache, as a build reads them, from a small archive
// written here. Topics are the shipped topics.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContentIndex } from '../src/archive/content-index-fs.ts';
import { DERIVED_CACHE_ENV } from '../src/cache/derived-cache-fs.ts';
import { CONTENT_DIR_ENV } from '../src/content-dir.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'topic-papers-'));
const derived = path.join(root, 'derived');
const content = path.join(root, 'content');
const saved = { derived: process.env[DERIVED_CACHE_ENV], content: process.env[CONTENT_DIR_ENV] };

const paper = (title: string, day: string) => ({ title, authors: 1, organization: null, published: null, comments: 0, days: [day], excerpt: '' });
const papers: Record<string, { data: ReturnType<typeof paper>; abstract: string }> = {
  'old-video': { data: paper('Video Models', '2025-01-01'), abstract: 'Nothing else.' },
  'agent-paper': { data: paper('Other', '2025-01-01'), abstract: 'We build an agent.' },
  'new-video': { data: paper('Nothing', '2025-01-02'), abstract: 'About video editing with an agent.' },
};
const days = { '2025-01-01': ['old-video', 'agent-paper'], '2025-01-02': ['new-video'] };

beforeAll(() => {
  fs.mkdirSync(path.join(content, 'papers'), { recursive: true });
  fs.mkdirSync(derived);
  for (const [slug, p] of Object.entries(papers)) fs.writeFileSync(path.join(content, 'papers', `${slug}.md`), `---\ntitle: x\n---\n${p.abstract}\n`);
  const dayEntries = Object.fromEntries(
    Object.entries(days).map(([date, slugs]) => [date, { signature: '1:1', digest: `d-${date}`, dataDigest: `dd-${date}`, data: { date, papers: slugs, source: { file: 'x', sha256: '0'.repeat(64) } } }]),
  );
  writeContentIndex('days', 's', dayEntries, derived);
  writeContentIndex('papers', 's', Object.fromEntries(Object.entries(papers).map(([slug, p]) => [slug, { signature: '1:1', digest: `d-${slug}`, dataDigest: `dd-${slug}`, data: p.data }])), derived);
  // A cache of topic matches made with other topics ("[]" is no configuration): it must not be reused.
  fs.writeFileSync(path.join(derived, 'topics.jsonl'), `${JSON.stringify({ format: 2, salt: '[]' })}\n${JSON.stringify(['old-video', 'd-old-video', ['code']])},\n`);
  process.env[DERIVED_CACHE_ENV] = derived;
  process.env[CONTENT_DIR_ENV] = content;
});

afterAll(() => {
  for (const [name, value] of [[DERIVED_CACHE_ENV, saved.derived], [CONTENT_DIR_ENV, saved.content]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(root, { recursive: true, force: true });
});

describe('topicPapers', () => {
  it('gives every topic its papers newest first, matched on title or abstract, and keeps the matches', async () => {
    const { topicPapers } = await import('../src/topics/topic-papers.ts');
    const topics = await topicPapers();
    expect(topics.get('video')).toEqual(['new-video', 'old-video']);
    // Within a day, listed order: old-video is listed before agent-paper.
    expect(topics.get('agents')).toEqual(['new-video', 'agent-paper']);
    expect(topics.get('code')).toEqual([]);
    expect([...topics.keys()]).toHaveLength(JSON.parse(fs.readFileSync('topics.json', 'utf8')).topics.length);
    // Once per build: the same answer to every caller.
    expect(topicPapers()).toBe(topicPapers());
    // The matches are kept for the next build, under a salt naming the topics.
    const [header, ...lines] = fs.readFileSync(path.join(derived, 'topics.jsonl'), 'utf8').trimEnd().split('\n');
    const salt = JSON.parse(header).salt as string;
    expect(salt).toContain('"name":"video"');
    expect(salt).not.toBe('[]');
    expect(lines.map((l) => JSON.parse(l.replace(/,$/, '')))).toEqual(
      expect.arrayContaining([
        ['old-video', 'd-old-video', ['video']],
        ['new-video', 'd-new-video', ['agents', 'video']],
      ]),
    );
  });
});
