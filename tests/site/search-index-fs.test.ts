// The search index built from paper files by the real Pagefind: what planning holds, what a
// rebuild reuses, the files beside the bundles (plan, term map, facts, vocabulary added up shard
// by shard), and their placement in the output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/search/index-fs.ts';
import { placeShards } from '../../src/search/place-fs.ts';
import { factsFile, PLAN_FILE, termsFile, VOCAB_FILE, type ShardFacts, type ShardPlan } from '../../src/search/contract.ts';
import { decodeBucket, titleKey } from '../../src/search/terms.ts';
import { readBody, readPapers } from '../../src/search/papers-fs.ts';
import { buildVocabulary } from '../../src/search/vocabulary.ts';

let root = '';
let papersDir = '';
const abstracts: Record<string, string> = {
  alpha: 'Diffusion transformers scale with attention and diffusion sampling.',
  beta: 'Reinforcement learning agents plan with attention over memory.',
  gamma: 'Speech models \\& audio tokenizers learn attention over waveforms.',
};
const write = (slug: string, day: string, body: string, comments = 1) =>
  fs.writeFileSync(
    path.join(papersDir, `${slug}.md`),
    `---\ntitle: 'Paper ${slug} attention'\nauthors: 1\norganization: null\npublished: '2024-01-02'\ncomments: ${comments}\ndays:\n  - '${day}'\n---\n${body}\n`,
  );

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  papersDir = path.join(root, 'papers');
  fs.mkdirSync(papersDir);
  Object.entries(abstracts).forEach(([slug, body], i) => write(slug, `2025-01-0${i + 1}`, body));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('readPapers', () => {
  it('keeps a digest of each abstract, not the abstract', () => {
    const papers = readPapers(papersDir);
    expect(papers.map((p) => p.slug)).toEqual(['alpha', 'beta', 'gamma']);
    expect(JSON.stringify(papers)).not.toContain('Diffusion');
    expect(new Set(papers.map((p) => p.bodyDigest)).size).toBe(3);
    expect(readBody(papersDir, papers[0])).toBe(`${abstracts.alpha}\n`);
  });

  it('with a cache file, reads again only files whose stat signature changed', () => {
    const cacheFile = path.join(root, 'cache', 'papers.json');
    const beta = path.join(papersDir, 'beta.md');
    const mtime = new Date('2025-06-01T00:00:00Z');
    const atime = mtime;
    fs.utimesSync(beta, atime, mtime);
    const fresh = readPapers(papersDir);
    expect(readPapers(papersDir, cacheFile)).toEqual(fresh);
    // beta rewritten with the same size and mtime: taken from the cache, as the content loader would.
    fs.writeFileSync(beta, fs.readFileSync(beta, 'utf8').replace('comments: 1', 'comments: 2'));
    fs.utimesSync(beta, atime, mtime);
    // gamma changed (another size), delta new, alpha removed: read again, or dropped.
    write('gamma', '2025-01-03', abstracts.gamma, 17);
    write('delta', '2025-01-04', 'A new abstract.');
    fs.rmSync(path.join(papersDir, 'alpha.md'));
    const second = readPapers(papersDir, cacheFile);
    expect(second.map((p) => [p.slug, p.comments])).toEqual([['beta', 1], ['delta', 1], ['gamma', 17]]);
    fs.utimesSync(beta, atime, new Date(mtime.getTime() + 1000));
    expect(readPapers(papersDir, cacheFile).find((p) => p.slug === 'beta')?.comments).toBe(2);
    expect(readPapers(papersDir, cacheFile)).toEqual(readPapers(papersDir));
    // Another folder's cache is not used.
    const other = path.join(root, 'other');
    fs.cpSync(papersDir, other, { recursive: true, preserveTimestamps: true });
    fs.writeFileSync(path.join(other, 'beta.md'), fs.readFileSync(beta, 'utf8').replace('comments: 2', 'comments: 3'));
    fs.utimesSync(path.join(other, 'beta.md'), atime, new Date(mtime.getTime() + 1000));
    expect(readPapers(other, cacheFile).find((p) => p.slug === 'beta')?.comments).toBe(3);
  });

  it('where only file times changed (a fresh checkout), takes what it read from the cache by the text\'s digest', () => {
    const cacheFile = path.join(root, 'cache', 'papers.json');
    readPapers(papersDir, cacheFile);
    // Mark what the cache holds, so a value taken from it can be told from one parsed again.
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { entries: Record<string, [string, string, { title: string }]> };
    for (const entry of Object.values(cache.entries)) entry[2].title = `cached ${entry[2].title}`;
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    const later = new Date(Date.now() + 60_000);
    for (const name of fs.readdirSync(papersDir)) fs.utimesSync(path.join(papersDir, name), later, later);
    // beta's text changed too (same size): parsed again; the others are taken from the cache.
    const beta = path.join(papersDir, 'beta.md');
    fs.writeFileSync(beta, fs.readFileSync(beta, 'utf8').replace('comments: 1', 'comments: 2'));
    fs.utimesSync(beta, later, later);
    expect(readPapers(papersDir, cacheFile).map((p) => [p.title, p.comments])).toEqual([
      ['cached Paper alpha attention', 1],
      ['Paper beta attention', 2],
      ['cached Paper gamma attention', 1],
    ]);
  });

  it('refuses an abstract changed after planning, naming the file', () => {
    const [alpha] = readPapers(papersDir);
    write('alpha', '2025-01-01', 'Another abstract.');
    expect(() => readBody(papersDir, alpha)).toThrow(/alpha\.md changed while the search index was being built/);
  });
});

describe('buildSearchIndex', () => {
  const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

  it('indexes missing shards only, and makes the plan, term map, facts and vocabulary beside them', async () => {
    const cacheDir = path.join(root, 'cache');
    const first = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(first.counts).toEqual([2, 1]);
    expect(first.built).toBe(2);
    for (const dir of [first.engine, ...first.shards]) expect(fs.existsSync(path.join(dir, 'pagefind-entry.json'))).toBe(true);
    const texts = Object.entries(abstracts).map(([slug, text]) => ({ title: `Paper ${slug} attention`, text: text.replace('\\&', '&') }));
    const vocabulary = read(first.site, VOCAB_FILE).split('\n');
    expect(vocabulary).toEqual(buildVocabulary(texts));
    expect(vocabulary).toContain('attention');

    const plan = JSON.parse(read(first.site, PLAN_FILE)) as ShardPlan;
    expect(plan.shards.map((s) => [s.id, s.papers, s.key])).toEqual([[0, 2, path.basename(first.shards[0])], [1, 1, path.basename(first.shards[1])]]);
    expect([plan.shards[1].values, plan.shards[1].whole]).toEqual([{ published: ['2024'], listed: ['2025'] }, { published: '2024', listed: '2025' }]);
    for (const s of plan.shards) expect(s.metaBytes > 0 && s.chunkBytes > 0).toBe(true);
    // The term map: every key with the shards holding it; a whole title is a key too.
    const ids = plan.shards.map((s) => s.id);
    const entries = new Map(plan.terms.first.flatMap((_, i) => decodeBucket(read(first.site, termsFile(i)), ids)).map(([key, shards, papers]) => [key, [shards, papers]]));
    expect(entries.get('attention')).toEqual([[0, 1], 3]);
    expect(entries.get('diffusion')).toEqual([[0], 1]);
    expect(entries.get('waveform')).toEqual([[1], 1]);
    expect(entries.get(titleKey('Paper gamma attention'))).toEqual([[1], 1]);
    // Facts: each paper by its Pagefind page id, newest first.
    const facts = JSON.parse(read(first.site, factsFile(0))) as ShardFacts;
    expect(facts.comments).toEqual([1, 1]);
    const fragments = fs.readdirSync(path.join(first.shards[0], 'fragment')).map((n) => n.replace('.pf_fragment', '')).sort();
    expect([...facts.pages].sort()).toEqual(fragments);

    // A new comment count changes no bundle, only the facts; the vocabulary comes from the cached counts.
    write('gamma', '2025-01-03', abstracts.gamma, 7);
    const second = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(second.built).toBe(0);
    expect(second.shards).toEqual(first.shards);
    expect(second.site).not.toBe(first.site);
    expect((JSON.parse(read(second.site, factsFile(1))) as ShardFacts).comments).toEqual([7]);
    expect(read(second.site, VOCAB_FILE)).toBe(read(first.site, VOCAB_FILE));

    // A new abstract changes its own shard only.
    write('gamma', '2025-01-03', 'Speech models learn waveforms.', 7);
    const third = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(third.built).toBe(1);
    expect(third.shards[0]).toBe(first.shards[0]);
    expect(third.shards[1]).not.toBe(first.shards[1]);
  }, 60_000);

  it('keeps the terms and word counts of the full shards added up, to the bytes of an index made afresh', async () => {
    const cacheDir = path.join(root, 'cache');
    await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    const [kept] = fs.readdirSync(cacheDir).filter((n) => n.startsWith('full-'));
    // Later: gamma, in the tail shard, has a new abstract and comment count; the full shard is unchanged.
    write('gamma', '2025-01-03', 'Graph networks plan with attention.', 7);
    const later = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(later.built).toBe(1);
    expect(fs.readdirSync(cacheDir).filter((n) => n.startsWith('full-'))).toEqual([kept]);
    const fresh = await buildSearchIndex({ papersDir, cacheDir: path.join(root, 'fresh'), shardSize: 2 });
    const files = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort().map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? read(dir, f) : '']);
    expect(files(later.site)).toEqual(files(fresh.site));
    // What was kept is what is used: a word put in it by hand reaches the term map and the vocabulary.
    const file = path.join(cacheDir, kept);
    const table = JSON.parse(read(cacheDir, kept)) as { entries: [string, number[], number][]; counts: { papersWith: [string, number][]; inTitle: string[] } };
    table.entries.push(['zzzkept', [0], 2]);
    table.counts.papersWith.push(['zzzkept', 2]);
    fs.writeFileSync(file, JSON.stringify(table));
    const tampered = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(read(tampered.site, VOCAB_FILE).split('\n')).toContain('zzzkept');
    const plan = JSON.parse(read(tampered.site, PLAN_FILE)) as ShardPlan;
    const keys = plan.terms.first.flatMap((_, i) => decodeBucket(read(tampered.site, termsFile(i)), plan.shards.map((s) => s.id)).map(([key]) => key));
    expect(keys).toContain('zzzkept');
  }, 60_000);
});

describe('placeShards', () => {
  const list = (dir: string): string[] =>
    fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  const inode = (file: string) => fs.statSync(file).ino;

  it('replaces only the places whose shard changed, and ends as a placement from nothing', async () => {
    const cacheDir = path.join(root, 'cache');
    const out = path.join(root, 'dist', 'pagefind');
    const state = path.join(root, 'placed.json');
    const first = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(placeShards(first, out, state).replaced).toBe(3);
    // The engine at the top (Pagefind's scripts and wasm, once), the shards by id, oldest first.
    expect(list(out).filter((f) => !f.includes('/'))).toEqual(['pagefind-entry.json', expect.stringMatching(/^pagefind\.en_\w+\.pf_meta$/), 'pagefind.js', PLAN_FILE, VOCAB_FILE, 'wasm.en.pagefind']);
    expect(list(path.join(out, 'shard-0')).some((f) => /pagefind\.js|wasm|filter\//.test(f))).toBe(false);
    const olderEntry = path.join(out, 'shard-0', 'pagefind-entry.json');
    const olderInode = inode(olderEntry);
    expect(placeShards(first, out, state).replaced).toBe(0);

    write('delta', '2025-01-04', 'Graph networks with attention.');
    const second = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(placeShards(second, out, state).replaced).toBe(1);
    expect(inode(olderEntry)).toBe(olderInode);

    const fresh = path.join(root, 'fresh', 'pagefind');
    placeShards(second, fresh, path.join(root, 'fresh.json'));
    expect(list(out)).toEqual(list(fresh));
    for (const file of list(fresh)) expect(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(fresh, file))), file).toBe(true);

    // A fifth paper starts a new tail shard beside the two full ones.
    write('epsilon', '2025-01-05', 'Tokenizers for code.');
    const third = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    expect(third.counts).toEqual([2, 2, 1]);
    placeShards(third, out, state);
    const fresh3 = path.join(root, 'fresh3', 'pagefind');
    placeShards(third, fresh3, path.join(root, 'fresh3.json'));
    expect(list(out)).toEqual(list(fresh3));
  }, 60_000);

  it('places everything again without a record of the last placement, or after the output was removed', async () => {
    const cacheDir = path.join(root, 'cache');
    const out = path.join(root, 'dist', 'pagefind');
    const state = path.join(root, 'placed.json');
    const index = await buildSearchIndex({ papersDir, cacheDir, shardSize: 2 });
    placeShards(index, out, state);
    fs.writeFileSync(path.join(out, 'stray.txt'), 'left by someone');
    expect(placeShards(index, out, state).replaced).toBe(0);
    expect(fs.existsSync(path.join(out, 'stray.txt'))).toBe(false);
    fs.writeFileSync(path.join(out, 'stray.txt'), 'left by someone');
    fs.rmSync(state);
    expect(placeShards(index, out, state).replaced).toBe(3);
    expect(fs.existsSync(path.join(out, 'stray.txt'))).toBe(false);
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    expect(placeShards(index, out, state).replaced).toBe(3);
    expect(fs.existsSync(path.join(out, 'shard-1', 'pagefind-entry.json'))).toBe(true);
  }, 60_000);
});
