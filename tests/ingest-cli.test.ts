// CLI tests: run scripts/ingest.ts (Node 24, process.execPath) on temporary archives.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { remark } from 'remark';
import { toString } from 'mdast-util-to-string';
import { childCommands, runIngest, tree, until } from './helpers/ingest.ts';
import { afterAll, describe, expect, test } from 'vitest';
import { renderPaper } from '../scripts/ingest/render.ts';

const script = path.join(import.meta.dirname, '..', 'scripts', 'ingest.ts');
const samples = path.join(import.meta.dirname, 'fixtures', 'samples');
const S0 = path.join(samples, '000_dac3a4fc63ae358e.txt');
const S1 = path.join(samples, '001_00fe2aa557161dfb.txt');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const newRoot = () => path.join(tmp, `c${n++}`);

const run = runIngest;
const count = (root: string, sub: string) => fs.readdirSync(path.join(root, sub)).filter((f) => f.endsWith('.md')).length;

/** The archive an uninterrupted ingest of both samples gives (built once, on first use). */
const golden = path.join(tmp, 'golden');
let goldenHashes: Record<string, string> | undefined;
function goldenTree(): Record<string, string> {
  if (!goldenHashes) {
    expect(run(golden, [samples]).code).toBe(0);
    goldenHashes = tree(golden);
  }
  return goldenHashes;
}

describe('ingest CLI', { timeout: 60_000 }, () => {
  test('the two samples give 2 days and 69 papers; a second run changes nothing', () => {
    const r = run(golden, [samples]);
    expect(r.code, r.err).toBe(0);
    goldenHashes = tree(golden);
    expect(r.out).toMatch(/2025-12-09 000_dac3a4fc63ae358e\.txt: 37 entries, 37 new papers, 0 updated papers/);
    expect(r.out).toMatch(/2025-12-31 001_00fe2aa557161dfb\.txt: 34 entries, 32 new papers, 0 updated papers/);
    expect(count(golden, 'days')).toBe(2);
    expect(count(golden, 'papers')).toBe(69);
    const day = matter(fs.readFileSync(path.join(golden, 'days', '2025-12-09.md'), 'utf8')).data;
    expect(day.date).toBe('2025-12-09');
    expect(day.papers).toHaveLength(37);
    expect(day.source.file).toBe('000_dac3a4fc63ae358e.txt');
    expect(fs.readFileSync(path.join(golden, 'dumps', '2025-12-09.txt')).equals(fs.readFileSync(S0))).toBe(true);
    const p = matter(fs.readFileSync(path.join(golden, 'papers', 'on-the-generalization-mystery-in-deep-learning.md'), 'utf8')).data;
    expect(p.days).toEqual(['2025-12-09', '2025-12-31']);
    const mlgym = matter(fs.readFileSync(path.join(golden, 'papers', 'mlgym-a-new-framework-and-benchmark-for-advancing-ai-research-agents.md'), 'utf8')).data;
    expect(mlgym).toMatchObject({ authors: null, published: null, comments: null });
    const before = tree(golden);
    const again = run(golden, [S1, S0]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/unchanged/);
    expect(tree(golden)).toEqual(before);
  });

  test('ingest order does not change the bytes', () => {
    const root = newRoot();
    expect(run(root, [S1]).code).toBe(0);
    expect(run(root, [S0]).code).toBe(0);
    expect(tree(root)).toEqual(goldenTree());
  });

  test('--dry-run writes nothing', () => {
    const root = newRoot();
    const r = run(root, ['--dry-run', samples]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/would create papers\//);
    expect(tree(root)).toEqual({});
  });

  test('--rebuild regenerates identical bytes, and keeps existing slugs', () => {
    const root = newRoot();
    run(root, [samples]);
    fs.rmSync(path.join(root, 'days'), { recursive: true });
    fs.rmSync(path.join(root, 'papers'), { recursive: true });
    expect(run(root, ['--rebuild']).code).toBe(0);
    expect(tree(root)).toEqual(goldenTree());
    // An archive from before dumps/slugs.json: a slug that differs from what would be
    // computed now, known only from its file, survives a rebuild.
    fs.rmSync(path.join(root, 'dumps', 'slugs.json'));
    const papers = path.join(root, 'papers');
    fs.renameSync(path.join(papers, 'scaling-mlps-a-tale-of-inductive-bias.md'), path.join(papers, 'mlps-custom.md'));
    fs.writeFileSync(path.join(papers, 'orphan.md'), renderPaper({ title: 'Orphan', authors: 1, organization: null, published: null, comments: null, days: ['2020-01-01'] }, 'x'));
    expect(run(root, ['--rebuild']).code).toBe(0);
    expect(fs.existsSync(path.join(papers, 'mlps-custom.md'))).toBe(true);
    expect(fs.existsSync(path.join(papers, 'scaling-mlps-a-tale-of-inductive-bias.md'))).toBe(false);
    expect(fs.existsSync(path.join(papers, 'orphan.md'))).toBe(false);
    expect(fs.readFileSync(path.join(root, 'days', '2025-12-09.md'), 'utf8')).toContain('- mlps-custom\n');
  });

  test('a different dump for an archived day needs --replace; its own papers then go', () => {
    const root = newRoot();
    run(root, [samples]);
    const alt = path.join(tmp, '2025-12-31-alt.txt');
    // Dec 31 with only its first entry left: the other 33 papers lose that day.
    const text = fs.readFileSync(S1, 'utf8');
    const cut = text.indexOf('Efficient and Modular Implicit Differentiation');
    fs.writeFileSync(alt, text.slice(0, cut));
    const before = tree(root);
    const refused = run(root, [alt]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already archived from a different dump/);
    expect(refused.err).toMatch(/papers dropped \(33\):/);
    expect(refused.err).toContain(`npm run ingest -- --replace ${alt}`);
    expect(tree(root)).toEqual(before);
    const r = run(root, ['--replace', alt]);
    expect(r.code, r.err).toBe(0);
    expect(count(root, 'papers')).toBe(37 + 1);
    const mystery = matter(fs.readFileSync(path.join(root, 'papers', 'on-the-generalization-mystery-in-deep-learning.md'), 'utf8')).data;
    expect(mystery.days).toEqual(['2025-12-09']);
    expect(fs.existsSync(path.join(root, 'papers', 'efficient-and-modular-implicit-differentiation.md'))).toBe(false);
  });

  test('a refused dump among good ones: the others go in, exit 1, nothing of it written', () => {
    const root = newRoot();
    const dir = path.join(tmp, 'mixed');
    fs.mkdirSync(dir);
    fs.copyFileSync(S0, path.join(dir, 'a.txt'));
    fs.writeFileSync(path.join(dir, 'b.txt'), fs.readFileSync(S1, 'utf8').replace('Jun 28, 2024', 'Feb 30, 2024'));
    const r = run(root, [dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/b\.txt:\d+:1: impossible date "Feb 30, 2024"/);
    expect(count(root, 'days')).toBe(1);
    expect(fs.existsSync(path.join(root, 'dumps', '2025-12-31.txt'))).toBe(false);
  });

  test('--date names the day of a dump whose file name has none; a date the dump contradicts is refused', () => {
    const raw = path.join(tmp, 'raw-capture.txt'); // no date in the name: the day line says only "Dec 9"
    fs.copyFileSync(S0, raw);
    const root = newRoot();
    const r = run(root, ['--date', '2025-12-09', raw]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^2025-12-09 raw-capture\.txt: 37 entries, 37 new papers, 0 updated papers$/m); // not "year inferred"
    expect(matter(fs.readFileSync(path.join(root, 'days', '2025-12-09.md'), 'utf8')).data.source.file).toBe('raw-capture.txt');
    const other = newRoot();
    const wrong = run(other, ['--date', '2025-12-10', raw]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain(`${raw}:11:1: --date 2025-12-10 disagrees with the header's day "Dec 9"`);
    expect(fs.existsSync(other)).toBe(false);
  });

  test('$ARCHIVE_CONTENT_DIR is the archive when --content is not given; --content wins over it', () => {
    const cwd = fs.mkdtempSync(path.join(tmp, 'cwd-'));
    const fromEnv = newRoot();
    const ingest = (args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ARCHIVE_CONTENT_DIR: fromEnv } });
    const r = ingest([S0]);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(fromEnv, 'days', '2025-12-09.md'))).toBe(true);
    expect(fs.readdirSync(cwd)).toEqual([]); // no ./content
    const given = newRoot();
    expect(ingest(['--content', given, S1]).status).toBe(0);
    expect(fs.readdirSync(path.join(given, 'days'))).toEqual(['2025-12-31.md']);
    expect(fs.readdirSync(path.join(fromEnv, 'days'))).toEqual(['2025-12-09.md']);
  });

  test('usage errors', () => {
    expect(run(newRoot(), ['--date', '2025-12-09', samples]).code).toBe(2);
    expect(run(newRoot(), []).code).toBe(2);
    const h = run(newRoot(), ['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Usage: npm run ingest/);
  });

  test('a run SIGKILLed after N writes leaves whole files, and a re-run converges', () => {
    const want = goldenTree();
    for (const k of [1, 2, 3, 10, 40, 73]) {
      const root = newRoot();
      const killed = run(root, [samples], { INGEST_TEST_KILL_AFTER_WRITES: String(k) });
      expect(killed.signal).toBe('SIGKILL');
      // Temp files may be left; every real file is complete (front matter closes).
      for (const f of Object.keys(tree(root)).filter((x) => x.endsWith('.md')))
        expect(fs.readFileSync(path.join(root, f), 'utf8')).toMatch(/^---\n[^]*\n---\n/);
      const again = run(root, [samples]);
      expect(again.code, again.err).toBe(0);
      expect(tree(root)).toEqual(want);
    }
  });

  test('two runs at once take turns: both wait for the lock, the second finds the work done', async () => {
    // Idempotent writes would make two unlocked runs converge too: what shows the lock is that
    // while another process holds it, both runs wait (each with a flock(1) child) and write
    // nothing, and that once it is free they run one after the other.
    const root = newRoot();
    fs.mkdirSync(root);
    const holder = spawn('flock', [path.join(root, '.ingest.lock'), 'cat'], { stdio: ['pipe', 'ignore', 'ignore'] });
    await until(() => childCommands(holder.pid!).includes('cat')); // flock starts cat once it holds the lock
    const runs = [0, 1].map(() => {
      const c = spawn(process.execPath, [script, '--content', root, samples], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INGEST_LOCK_WAIT_MS: '120000' } });
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.stderr.on('data', (d) => (out += d));
      const done = new Promise<{ code: number | null; out: string }>((resolve) => c.on('close', (code) => resolve({ code, out })));
      return { child: c, done, exited: () => c.exitCode !== null || c.signalCode !== null, out: () => out };
    });
    try {
      await until(
        () => runs.every((r) => childCommands(r.child.pid!).includes('flock')),
        () => (runs.some((r) => r.exited()) ? `a run ended while another process held the lock:\n${runs.map((r) => r.out()).join('\n')}` : undefined),
      );
      expect(tree(root)).toEqual({});
    } finally {
      holder.stdin.end();
    }
    const results = await Promise.all(runs.map((r) => r.done));
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const wrote = results.filter((r) => /2025-12-09 000_dac3a4fc63ae358e\.txt: 37 entries, 37 new papers/.test(r.out));
    const found = results.filter((r) => /^2025-12-09 \S*000_dac3a4fc63ae358e\.txt: unchanged$/m.test(r.out) && /^2025-12-31 \S*001_00fe2aa557161dfb\.txt: unchanged$/m.test(r.out));
    expect([wrote.length, found.length]).toEqual([1, 1]);
    expect(tree(root)).toEqual(goldenTree());
  });
});

describe('front matter and body round-trips', () => {
  const hostile = ['<script>alert(1)</script>', 'Fish & "Chips"', ': colon', '- dash', "'quotes'", '#hash', 'null', 'true', '2024-01-01', 'trailing  ', 'ünïcødé α β', '🎉🚀', '北京大学', 'a: b # c', '[x]', '{y}', '|', '>', '*', '@at', '`tick`', '0x1F', '1e3', '~'];
  test.each(hostile)('title %j survives gray-matter and js-yaml 4', (title) => {
    const text = renderPaper({ title, authors: 3, organization: title, published: '2025-12-09', comments: 0, days: ['2025-12-09'] }, 'a');
    const data = matter(text).data;
    expect(data.title).toBe(title);
    expect(data.organization).toBe(title);
    expect(data.published).toBe('2025-12-09');
    // Astro reads front matter with js-yaml 4: same strings, no Date.
    const fm = yaml.load(text.split('---\n')[1]) as Record<string, unknown>;
    expect(fm.title).toBe(title);
    expect(fm.days).toEqual(['2025-12-09']);
  });
  test('an abstract full of Markdown specials renders back to the same text', () => {
    const abstracts = [
      'We use *stars*, _unders_, [links](x), <b>tags</b>, \\textbf{L}, `ticks`, &amp; & entities, ~~strike~~, | pipes |.',
      '# not a heading',
      '> not a quote',
      '- not a list',
      '1. not a list',
      '+ plus',
      '``regrettable\'\' Li_2 sim30B 8timesH100 {\\it without} https://example.com <https://x.y>',
      '*** ',
    ];
    for (const a of abstracts) {
      const body = matter(renderPaper({ title: 't', authors: null, organization: null, published: null, comments: null, days: ['2025-12-09'] }, a.trim())).content;
      expect(toString(remark().parse(body))).toBe(a.trim());
    }
  });
  test('every written abstract reads back as the whole paragraph after its title in the dump', () => {
    goldenTree();
    // The dumps' paragraphs (blank-line separated): a card is its title, then its abstract.
    const paragraphs = [S0, S1].flatMap((f) => fs.readFileSync(f, 'utf8').split(/\n[ \t]*\n/).map((p) => p.trim()));
    const files = fs.readdirSync(path.join(golden, 'papers'));
    expect(files).toHaveLength(69);
    for (const f of files) {
      const { data, content } = matter(fs.readFileSync(path.join(golden, 'papers', f), 'utf8'));
      const at = paragraphs.indexOf(data.title);
      expect(at, f).toBeGreaterThan(-1);
      const abstract = paragraphs[at + 1].replace(/\s+/g, ' ');
      expect(abstract.length, f).toBeGreaterThan(40);
      expect(toString(remark().parse(content)).replace(/\s+/g, ' ').trim(), f).toBe(abstract);
    }
  });
});
