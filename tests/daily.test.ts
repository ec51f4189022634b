// The daily run's pure decisions (scripts/daily/inbox.ts): what in inbox/ is a dump, which
// dumps went in, and a job summary whose messages stay data. The run itself: e2e/daily.test.ts.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import { failureSummary, fenced, roleOf, successSummary, wentIn } from '../scripts/daily/inbox.ts';

describe('roleOf', () => {
  test('a *.txt file is a dump; the README and dotfiles stay; anything else is refused', () => {
    expect(roleOf('2025-12-09.txt', true)).toBe('dump');
    expect(roleOf('Capture.TXT', true)).toBe('dump');
    expect(roleOf('$(rm -rf ~).txt', true)).toBe('dump');
    expect(roleOf('README.md', true)).toBe('kept');
    expect(roleOf('.gitkeep', true)).toBe('kept');
    expect(roleOf('.hidden.txt', true)).toBe('kept');
    expect(roleOf('capture.pdf', true)).toBe('not-a-dump');
    expect(roleOf('capture', true)).toBe('not-a-dump');
    expect(roleOf('old.txt', false)).toBe('not-a-dump');
  });
});

describe('wentIn', () => {
  const archive = new Map([['2025-12-09', 'aaa']]);
  const archived = (day: string) => archive.get(day);
  test('only when the archive holds these very bytes as the day read from them', () => {
    expect(wentIn({ label: 'inbox/a.txt', sha256: 'aaa', day: '2025-12-09' }, archived)).toBe(true);
    expect(wentIn({ label: 'inbox/b.txt', sha256: 'bbb', day: '2025-12-09' }, archived)).toBe(false);
    expect(wentIn({ label: 'inbox/c.txt', sha256: 'aaa', day: '2025-12-10' }, archived)).toBe(false);
    // Unparsable (no day): refused even when its bytes are archived under some day.
    expect(wentIn({ label: 'inbox/d.txt', sha256: 'aaa' }, archived)).toBe(false);
  });
});

/** The Markdown's code blocks, and its text outside them. */
function read(markdown: string): { code: string[]; prose: string } {
  const tree = fromMarkdown(markdown);
  const code = tree.children.filter((n) => n.type === 'code').map((n) => (n as { value: string }).value);
  const prose = tree.children.filter((n) => n.type !== 'code').map((n) => toString(n)).join('\n');
  return { code, prose };
}

describe('job summary', () => {
  test('a fence that no line of the messages can close', () => {
    const text = 'inbox/a.txt:3:1: bad\n```\nstill inside ```` and `x`\n';
    const { code } = read(fenced(text));
    expect(code).toEqual([text.trimEnd()]);
  });

  test('a refusal: how many, what to do, every message inside the fence and no file name outside it', () => {
    const messages = 'inbox/[x](https://evil.example) **b**.txt:11:1: every date carries its year\ninbox/notes.pdf: not a dump\n';
    const md = failureSummary({ refused: ['inbox/[x](https://evil.example) **b**.txt', 'inbox/notes.pdf'], ingested: 1, unfinished: false, messages });
    const { code, prose } = read(md);
    expect(code).toEqual([messages.trimEnd()]);
    expect(prose).toContain('2 files refused, nothing published');
    expect(prose).toContain('They stay in inbox/');
    expect(prose).toContain('The other dump went in');
    expect(prose).not.toMatch(/evil|notes\.pdf/);
  });

  test('an interrupted ingest keeps every dump; a failed ingest with every dump in says so', () => {
    expect(read(failureSummary({ refused: [], ingested: 0, unfinished: true, messages: 'x\n' })).prose).toContain('Every dump stays in inbox/');
    expect(read(failureSummary({ refused: [], ingested: 2, unfinished: false, messages: 'x\n' })).prose).toContain('the ingest failed');
  });

  test('a built run names the days that went in', () => {
    expect(successSummary(['2026-01-05', '2026-01-06'])).toContain('Went in: 2026-01-05, 2026-01-06; the site was built.');
    expect(successSummary([])).toContain('Nothing in the inbox');
  });
});
