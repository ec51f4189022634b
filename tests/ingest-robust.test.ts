// CLI tests of an ingest that can be trusted on a CI runner: locks that cannot go stale,
// slugs that never change, validated reads, interrupted runs finished, machine failures
// named and cleaned up, captures that change what is already known (issues 8 and 13).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { childCommands, runIngest, tree, until } from './helpers/ingest.ts';
import { afterAll, describe, expect, test } from 'vitest';
import { unfinishedIngest } from '../src/ingest-state.ts';

const script = path.join(import.meta.dirname, '..', 'scripts', 'ingest.ts');
const samples = path.join(import.meta.dirname, 'fixtures', 'samples');
const S0 = path.join(samples, '000_dac3a4fc63ae358e.txt');
const S1 = path.join(samples, '001_00fe2aa557161dfb.txt');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-robust-'));
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  fs.rmSync(tmp, { recursive: true, force: true });
});
let n = 0;
const newRoot = () => path.join(tmp, `c${n++}`);
const isRoot = process.getuid?.() === 0;

const run = runIngest;

const golden = path.join(tmp, 'golden');
let goldenHashes: Record<string, string> | undefined;
function goldenTree(): Record<string, string> {
  if (!goldenHashes) {
    expect(run(golden, [samples]).code).toBe(0);
    goldenHashes = tree(golden);
  }
  return goldenHashes;
}

const HEADER = 'Daily Papers\n\nby AK and the research community\n\n';
function dump(day: string, entries: { title: string; abstract?: string; who?: string; date?: string }[]): string {
  return (
    HEADER +
    `${day}\n\n` +
    entries
      .map((e) => `${e.title}\n\n${e.abstract ?? `About ${e.title}.`}\n\n` + (e.who ? `  \u2022 ${e.who}\n\u00b7\n${e.date ?? 'Jun 18, 2021'}\n\n` : ''))
      .join('')
  );
}
function write(name: string, text: string): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
}
const paper = (root: string, slug: string) => matter(fs.readFileSync(path.join(root, 'papers', `${slug}.md`), 'utf8')).data;

describe('what is known is kept (8.5) and one title is one paper (13.5)', { timeout: 120_000 }, () => {
  test('an organisation shown later does not erase the author count, nor the count the organisation', () => {
    const root = newRoot();
    const a = write('2025-03-03.txt', dump('Mar 3', [{ title: 'Kept Facts', who: '7 authors', date: 'Feb 28 2' }]));
    const b = write('2025-03-04.txt', dump('Mar 4', [{ title: 'Kept Facts', who: 'Example University', date: 'Feb 28 5' }]));
    expect(run(root, [a]).code).toBe(0);
    expect(run(root, [b]).code).toBe(0);
    expect(paper(root, 'kept-facts')).toMatchObject({ authors: 7, organization: 'Example University', comments: 5, days: ['2025-03-03', '2025-03-04'] });
    // The same facts whatever order the days arrive in (a backfill re-derives from dumps).
    const back = newRoot();
    expect(run(back, [b]).code).toBe(0);
    expect(run(back, [a]).code).toBe(0);
    expect(paper(back, 'kept-facts')).toEqual(paper(root, 'kept-facts'));
  });

  test('a title captured in NFD, or with a zero-width space, is the same paper; it shows as captured last', () => {
    const root = newRoot();
    const a = write('2025-03-05.txt', dump('Mar 5', [{ title: 'Caf\u00e9 Scaling Laws', who: '2 authors', date: 'Mar 1' }]));
    const b = write('2025-03-06.txt', dump('Mar 6', [{ title: 'Cafe\u0301 Scaling\u200b Laws', who: '2 authors', date: 'Mar 1 3' }]));
    expect(run(root, [a, b]).code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'papers'))).toEqual(['cafe-scaling-laws.md']);
    expect(paper(root, 'cafe-scaling-laws').days).toEqual(['2025-03-05', '2025-03-06']);
  });
});

describe('a second capture of a day says what it would change (8.6)', { timeout: 120_000 }, () => {
  test('refused without --replace, with papers added, dropped and counts changed, and the command to run', () => {
    const root = newRoot();
    const first = write('2025-04-01.txt', dump('Apr 1', [{ title: 'Stays', who: '1 author', date: 'Mar 30 1' }, { title: 'Goes', who: '2 authors', date: 'Mar 30' }]));
    expect(run(root, [first]).code).toBe(0);
    const before = tree(root);
    const later = write('later/2025-04-01.txt', (fs.mkdirSync(path.join(tmp, 'later'), { recursive: true }), dump('Apr 1', [{ title: 'Stays', who: '1 author', date: 'Mar 30 4' }, { title: 'Arrives', who: '3 authors', date: 'Mar 31' }])));
    for (const extra of [[], ['--dry-run']]) {
      const r = run(root, [...extra, later]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('papers added (1):\n    Arrives');
      expect(r.err).toContain('papers dropped (1):\n    Goes');
      expect(r.err).toContain('Stays: 1 → 4 comments');
      expect(r.err).toContain(`npm run ingest -- --replace ${later}`);
      expect(tree(root)).toEqual(before);
    }
    const r = run(root, ['--replace', later]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('replaces the archived dump');
    expect(fs.existsSync(path.join(root, 'papers', 'goes.md'))).toBe(false);
  });
});

describe("the archive's own files are read with the schemas (8.8)", { timeout: 120_000 }, () => {
  test('a hand-damaged paper, day and manifest are each reported as file: field: problem; nothing is written', () => {
    const root = newRoot();
    fs.cpSync(golden, root, { recursive: true, filter: () => (goldenTree(), true) });
    const p = path.join(root, 'papers', 'scaling-mlps-a-tale-of-inductive-bias.md');
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/^comments: .*$/m, 'comments: many').replace(/^authors: .*$/m, 'authors: -1'));
    const d = path.join(root, 'days', '2025-12-09.md');
    fs.writeFileSync(d, fs.readFileSync(d, 'utf8').replace("date: '2025-12-09'", "date: '2025-12-10'"));
    fs.writeFileSync(path.join(root, 'dumps', 'slugs.json'), '{"x": "Not A Slug"}');
    const before = tree(root);
    const r = run(root, [S1]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/papers\/scaling-mlps-a-tale-of-inductive-bias\.md: authors: /);
    expect(r.err).toMatch(/papers\/scaling-mlps-a-tale-of-inductive-bias\.md: comments: /);
    expect(r.err).toMatch(/days\/2025-12-09\.md: date: 2025-12-10 does not match the file name/);
    expect(r.err).toMatch(/dumps\/slugs\.json: x: expected a lowercase ASCII slug/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(tree(root)).toEqual(before);
  });
});

describe('a daily ingest reads the papers it touches, not the whole archive (issue 22.4)', { timeout: 120_000 }, () => {
  test('an untouched damaged paper does not stop a new day; a day that lists it is refused, naming it', () => {
    const root = newRoot();
    expect(run(root, [S0]).code).toBe(0);
    const slug = fs.readdirSync(path.join(root, 'papers')).sort()[0].slice(0, -3);
    const file = path.join(root, 'papers', `${slug}.md`);
    const title = paper(root, slug).title as string;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^authors: .*$/m, 'authors: -1'));
    const damaged = fs.readFileSync(file);

    const fresh = write('2026-01-05.txt', dump('Jan 5', [{ title: 'A Paper Nobody Listed Before', who: '3 authors', date: 'Jan 2' }]));
    const r = run(root, [fresh]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(root, 'papers', 'a-paper-nobody-listed-before.md'))).toBe(true);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    const before = tree(root);
    const again = write('2026-01-06.txt', dump('Jan 6', [{ title, who: '3 authors', date: 'Jan 2' }]));
    const refused = run(root, [again]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`papers/${slug}.md: authors: `);
    expect(refused.err).toMatch(/1 problem\(s\) in the archive's own files/);
    expect(tree(root)).toEqual(before);
  });
});

describe('slugs never change; titles are corrected in corrections.json (13.2)', { timeout: 120_000 }, () => {
  test('a hand-corrected title and --rebuild keep the slug; a new listing of the old title is the same paper', () => {
    const root = newRoot();
    expect(run(root, [samples]).code).toBe(0);
    const slug = 'scaling-mlps-a-tale-of-inductive-bias';
    const p = path.join(root, 'papers', `${slug}.md`);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/^title: .*$/m, "title: 'Scaling MLPs: A Tale of Inductive Bias (fixed)'"));
    expect(run(root, ['--rebuild']).code).toBe(0);
    expect(fs.existsSync(p)).toBe(true);
    expect(fs.readdirSync(path.join(root, 'papers')).filter((f) => f.startsWith(slug))).toEqual([`${slug}.md`]);
    expect(tree(root)).toEqual(goldenTree()); // the rebuild restored the captured title
  });

  test('corrections.json changes the shown title, keeps the slug, and survives --rebuild and new listings', () => {
    const root = newRoot();
    expect(run(root, [S0]).code).toBe(0);
    // The page wrote this title with a stray space before the colon.
    const slug = 'learning-semilinear-neural-operators-a-unified-recursive-framework-for';
    const captured = 'Learning Semilinear Neural Operators : A Unified Recursive Framework For Prediction And Data Assimilation';
    const corrected = 'Learning Semilinear Neural Operators: A Unified Recursive Framework For Prediction And Data Assimilation';
    expect(paper(root, slug).title).toBe(captured);
    const sameSlug = () => fs.readdirSync(path.join(root, 'papers')).filter((f) => f.startsWith('learning-semilinear'));
    fs.writeFileSync(path.join(root, 'corrections.json'), JSON.stringify({ [slug]: { title: corrected } }));
    // The next ingest applies it, even one of another day that does not list the paper.
    const r = run(root, [S1]);
    expect(r.code, r.err).toBe(0);
    expect(paper(root, slug).title).toBe(corrected);
    expect(sameSlug()).toEqual([`${slug}.md`]);
    expect(run(root, ['--rebuild']).code).toBe(0);
    expect(paper(root, slug).title).toBe(corrected);
    // Listed again under the captured title: the same paper, still corrected.
    const paragraphs = fs.readFileSync(S0, 'utf8').split('\n\n');
    const again = write('2025-12-10.txt', dump('Dec 10', [{ title: captured, abstract: paragraphs[paragraphs.indexOf(captured) + 1], who: '4 authors', date: 'Dec 1 3' }]));
    expect(run(root, [again]).code).toBe(0);
    expect(paper(root, slug)).toMatchObject({ title: corrected, days: ['2025-12-09', '2025-12-10'], comments: 3 });
    expect(sameSlug()).toEqual([`${slug}.md`]);
    // The dumps stay as captured, and without the correction the captured title comes back.
    expect(fs.readFileSync(path.join(root, 'dumps', '2025-12-09.txt')).equals(fs.readFileSync(S0))).toBe(true);
    fs.rmSync(path.join(root, 'corrections.json'));
    expect(run(root, ['--rebuild']).code).toBe(0);
    expect(paper(root, slug).title).toBe(captured);
    fs.writeFileSync(path.join(root, 'corrections.json'), JSON.stringify({ 'no-such-paper': { title: 'X' } }));
    const bad = run(root, ['--rebuild']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/corrections\.json: no-such-paper: no paper has this slug/);
  });
});

describe('the lock cannot go stale (13.1)', { timeout: 120_000 }, () => {
  test('a lock file naming a live process (pid 1) does not block a run, which removes it; a live holder of its lock does', async () => {
    const root = newRoot();
    const lock = path.join(root, '.ingest.lock');
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(lock, '1\n');
    const r = run(root, [S0]);
    expect(r.code, r.err).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
    // What the file says never blocks; the OS lock on it does. (With no locking at all the run
    // above passes as well: this half fails.)
    fs.writeFileSync(lock, '1\n');
    const holder = spawn('flock', [lock, 'cat'], { stdio: ['pipe', 'ignore', 'ignore'] });
    await until(() => childCommands(holder.pid!).includes('cat')); // flock starts cat once it holds the lock
    const blocked = run(root, [S1], { INGEST_LOCK_WAIT_MS: '300' });
    holder.stdin.end();
    await new Promise((resolve) => holder.on('close', resolve));
    expect(blocked.code).toBe(1);
    expect(blocked.err).toContain(`another ingest holds ${lock}`);
    expect(fs.existsSync(path.join(root, 'days', '2025-12-31.md'))).toBe(false);
    expect(run(root, [S1]).code).toBe(0);
    expect(tree(root)).toEqual(goldenTree());
  });

  test('no run leaves the lock file behind: one that writes, one refused while holding the lock', () => {
    const root = newRoot();
    expect(run(root, [S0]).code).toBe(0);
    expect(fs.readdirSync(root).sort()).toEqual(['days', 'dumps', 'papers']);
    const other = write('2025-12-09.txt', dump('Dec 9', [{ title: 'Another Capture', who: '1 author', date: 'Dec 8' }]));
    const refused = run(root, [S1, other]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('already archived from a different dump');
    expect(fs.readdirSync(root).sort()).toEqual(['days', 'dumps', 'papers']);
  });

  test.runIf(isRoot)('a run killed in a pid namespace is followed by one that gets the same pid', () => {
    const root = newRoot();
    // Not as the namespace's pid 1 (which ignores the kill): as pid 2, the same every time.
    const ns = ['unshare', '--pid', '--fork', '--mount-proc', 'sh', '-c', '"$0" "$@"; s=$?; exit $s'];
    const killed = run(root, [samples], { INGEST_TEST_KILL_AFTER_WRITES: '10' }, ns);
    expect(killed.code).not.toBe(0);
    expect(fs.existsSync(path.join(root, '.ingest-journal.json'))).toBe(true);
    const again = run(root, [samples], {}, ns);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('finishing an interrupted ingest');
    expect(tree(root)).toEqual(goldenTree());
  });

  test('three runs at once after a killed one: all succeed and the archive is whole', async () => {
    const root = newRoot();
    expect(run(root, [samples], { INGEST_TEST_KILL_AFTER_WRITES: '5' }).code).not.toBe(0);
    const codes = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<number | null>((resolve) => {
            const c = spawn(process.execPath, [script, '--content', root, samples], { stdio: 'ignore', env: { ...process.env, INGEST_LOCK_WAIT_MS: '60000' } });
            c.on('close', resolve);
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0]);
    expect(tree(root)).toEqual(goldenTree());
  });

  test('a run that cannot get the lock says which file and who holds it; a bad wait is a usage error', async () => {
    const root = newRoot();
    expect(run(root, [samples]).code).toBe(0);
    const lock = path.join(root, '.ingest.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: 4242, since: '2025-01-01T00:00:00.000Z' }));
    const holder = spawn('flock', [lock, 'sleep', '5'], { stdio: 'ignore' });
    await until(() => childCommands(holder.pid!).includes('sleep')); // flock runs sleep once it holds the lock
    const r = run(root, [S1], { INGEST_LOCK_WAIT_MS: '200' });
    holder.kill();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`another ingest holds ${lock} (pid 4242`);
    const bad = run(root, [S1], { INGEST_LOCK_WAIT_MS: 'abc' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('INGEST_LOCK_WAIT_MS must be a whole number from 0 to 86400000, got "abc"');
  });
});

describe('an interrupted ingest is refused by the build and finished by the next run (13.4)', { timeout: 120_000 }, () => {
  test('after a kill the journal stays; the build check names the command; the next run finishes', () => {
    const root = newRoot();
    expect(run(root, [samples], { INGEST_TEST_KILL_AFTER_WRITES: '40' }).code).not.toBe(0);
    const refusal = unfinishedIngest(root);
    expect(refusal).toMatch(/an ingest was interrupted/);
    expect(refusal).toContain('--rebuild');
    expect(run(root, [S1]).code).toBe(0); // any run, even of another dump, finishes it
    expect(unfinishedIngest(root)).toBeUndefined();
    expect(tree(root)).toEqual(goldenTree());
  });

  test('an interrupted --replace leaves sources.json agreeing with its dumps after the next run', () => {
    const root = newRoot();
    expect(run(root, [samples]).code).toBe(0);
    const alt = write('2025-12-31-alt.txt', fs.readFileSync(S1, 'utf8').slice(0, fs.readFileSync(S1, 'utf8').indexOf('Efficient and Modular Implicit Differentiation')));
    for (const k of ['1', '3', '20']) {
      const r = run(root, ['--replace', alt], { INGEST_TEST_KILL_AFTER_WRITES: k });
      expect(r.signal ?? r.code).not.toBe(0);
      // The next plain run (of another, unchanged day) leaves the manifest true to the dumps.
      expect(run(root, [S0]).code).toBe(0);
      const sources = JSON.parse(fs.readFileSync(path.join(root, 'dumps', 'sources.json'), 'utf8'));
      const sha = createHash('sha256').update(fs.readFileSync(path.join(root, 'dumps', '2025-12-31.txt'))).digest('hex');
      expect(sources['2025-12-31'].sha256).toBe(sha);
      expect(matter(fs.readFileSync(path.join(root, 'days', '2025-12-31.md'), 'utf8')).data.source.sha256).toBe(sha);
      expect(run(root, ['--replace', alt]).code).toBe(0);
      expect(run(root, ['--replace', S1]).code).toBe(0);
      expect(tree(root)).toEqual(goldenTree());
    }
  });

  test('after a kill, --dry-run shows the work left and writes nothing; --rebuild finishes it', () => {
    const root = newRoot();
    expect(run(root, [samples], { INGEST_TEST_KILL_AFTER_WRITES: '40' }).signal).toBe('SIGKILL');
    const left = tree(root);
    expect(Object.keys(left)).toContain('.ingest-journal.json');
    const dry = run(root, ['--dry-run', samples]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('finishing an interrupted ingest');
    expect(dry.out).toMatch(/^would (create|update) (papers|days)\//m);
    expect(dry.out).toMatch(/^dry run: [1-9]\d* file\(s\) would change; nothing written$/m);
    expect(tree(root)).toEqual(left);
    const r = run(root, ['--rebuild']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('finishing an interrupted ingest');
    expect(unfinishedIngest(root)).toBeUndefined();
    expect(tree(root)).toEqual(goldenTree());
  });

  test('an interrupted --rebuild is finished by a plain run', () => {
    const root = newRoot();
    expect(run(root, [samples]).code).toBe(0);
    fs.rmSync(path.join(root, 'days'), { recursive: true });
    expect(run(root, ['--rebuild'], { INGEST_TEST_KILL_AFTER_WRITES: '1' }).code).not.toBe(0);
    expect(run(root, [S1]).code).toBe(0);
    expect(tree(root)).toEqual(goldenTree());
  });
});

describe('failures of the machine (13.7)', { timeout: 120_000 }, () => {
  test('a FIFO named *.txt and a symlink to /dev/zero are refused at once; a run refused whole writes nothing', () => {
    const dir = path.join(tmp, 'odd-inputs');
    fs.mkdirSync(dir);
    spawnSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    const root = newRoot();
    const r = run(root, [dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fifo\.txt: a FIFO \(named pipe\), not a dump file: refused/);
    expect(r.err).toMatch(/zero\.txt: a device, not a dump file: refused/);
    expect(r.out).not.toMatch(/wrote/);
    expect(fs.existsSync(root)).toBe(false);
  });

  const tmpfs = (size: string): string | undefined => {
    const m = fs.mkdtempSync(path.join(tmp, 'mnt-'));
    if (!isRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', m]).status !== 0) return undefined;
    mounts.push(m);
    return m;
  };

  const NO_TMPFS = 'cannot mount a tmpfs here (needs root, and mount allowed): not checked';

  test('a full disk names the file and the cause, leaves no temp file and changes nothing visible', (ctx) => {
    const m = tmpfs('160k');
    if (!m) return ctx.skip(NO_TMPFS);
    const root = path.join(m, 'content');
    const r = run(root, [samples]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/: cannot write: no space left on the device \(ENOSPC\)/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).not.toMatch(/entries/); // no success line for what was not written
    const left = Object.keys(tree(root));
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(left.filter((f) => f.endsWith('.md') || f.endsWith('.json'))).toEqual([]);
  });

  test('a read-only archive: a run with nothing to write succeeds, one with changes fails clearly', (ctx) => {
    const m = tmpfs('8m');
    if (!m) return ctx.skip(NO_TMPFS);
    const root = path.join(m, 'content');
    expect(run(root, [samples]).code).toBe(0);
    expect(spawnSync('mount', ['-o', 'remount,ro', m]).status).toBe(0);
    const same = run(root, [samples]);
    expect(same.code, same.err).toBe(0);
    expect(same.out).toMatch(/unchanged/);
    const other = write('2025-03-07.txt', dump('Mar 7', [{ title: 'New Paper', who: '1 author', date: 'Mar 1' }]));
    const r = run(root, [other]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot write the archive \(read-only or no permission\)/);
  });

  test('a permission failure while staging names the file, removes every temp file and changes nothing', () => {
    // As root no permission is ever refused: then the run goes as user nobody, on an archive
    // that user owns but for papers/, where it may not write.
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-perm-'));
    try {
      fs.chmodSync(base, 0o755);
      const root = path.join(base, 'content');
      expect(run(root, [S0]).code).toBe(0);
      const papers = path.join(root, 'papers');
      const nobody = isRoot ? { uid: 65534, gid: 65534 } : undefined;
      if (nobody) {
        for (const f of ['', ...fs.readdirSync(root, { recursive: true, encoding: 'utf8' })]) fs.chownSync(path.join(root, f), nobody.uid, nobody.gid);
        fs.chownSync(papers, 0, 0);
      } else fs.chmodSync(papers, 0o555);
      const before = tree(root);
      const r = run(root, [S1], {}, [], nobody);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`^${papers}/[a-z0-9-]+\\.md: cannot write: permission denied \\(EACCES\\)$`, 'm'));
      expect(r.err).toMatch(/^nothing written$/m);
      expect(r.err).not.toMatch(/\n\s+at /);
      // The new day's dump was staged before the papers: its temp file is gone too.
      expect(tree(root)).toEqual(before);
      expect(Object.keys(before).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  test('a dump over 64 MiB is refused by its size; one of exactly 64 MiB is read (and refused for what it holds)', () => {
    const dir = path.join(tmp, 'big');
    fs.mkdirSync(dir);
    const LIMIT = 64 * 1024 * 1024;
    const over = path.join(dir, '2025-03-08.txt');
    const at = path.join(dir, '2025-03-09.txt');
    // Sparse files of zero bytes: they take no disk.
    fs.writeFileSync(over, '');
    fs.truncateSync(over, LIMIT + 1);
    fs.writeFileSync(at, '');
    fs.truncateSync(at, LIMIT);
    const root = newRoot();
    const r = run(root, [over]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${over}: ${LIMIT + 1} bytes, over the ${LIMIT}-byte limit for one dump: refused`);
    const read = run(root, [at]);
    expect(read.code).toBe(1);
    expect(read.err).not.toContain('limit');
    expect(read.err).toMatch(/2025-03-09\.txt:1:1: /);
    expect(fs.existsSync(root)).toBe(false);
  });
});
