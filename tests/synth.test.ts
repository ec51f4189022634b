// The dump generator: determinism, realism figures, and conformance to FORMAT.md, checked
// by a small independent reader (not the ingester) so the two can't share a mistake.
import { describe, expect, it } from 'vitest';
import { synthSeries, type SynthDay } from '../scripts/synth/dump.ts';

const START = '2023-05-04';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HEADER = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community'];

interface Checked {
  dayLine: string;
  entries: { title: string; abstract: string; meta?: { who: string; date: string; comments: number } }[];
}

/** Reads a dump the way FORMAT.md describes it; throws with the line number on any breach. */
function checkDump(text: string, date: string): Checked {
  const fail = (line: number, msg: string): never => {
    throw new Error(`${date}:${line + 1}: ${msg}`);
  };
  if (text.includes('\r') || text.startsWith('\uFEFF')) fail(0, 'CR or BOM');
  if (text.endsWith('\n')) fail(0, 'trailing newline (the samples have none)');
  const lines = text.split('\n');
  // Header: six non-blank lines separated by exactly one blank line.
  for (let i = 0; i < HEADER.length; i++) {
    if (lines[2 * i] !== HEADER[i]) fail(2 * i, `header line ${JSON.stringify(lines[2 * i])}`);
    if (lines[2 * i + 1] !== '') fail(2 * i + 1, 'expected a blank line');
  }
  const [y, m, d] = date.split('-').map(Number);
  const dayLine = lines[10];
  if (dayLine !== `${MONTHS[m - 1]} ${d}`) fail(10, `day line ${dayLine} for ${date}`);
  const entries: Checked['entries'] = [];
  let i = 11;
  const blank = () => {
    if (lines[i] !== '') fail(i, 'expected a blank line');
    i++;
  };
  while (i < lines.length) {
    blank();
    const title = lines[i++];
    if (!title || title !== title.trim() || /^\s*•/.test(title)) fail(i - 1, `bad title ${JSON.stringify(title)}`);
    blank();
    const abstract = lines[i++];
    if (!abstract || abstract.length < 200) fail(i - 1, 'missing abstract');
    const entry: Checked['entries'][number] = { title, abstract };
    if (lines[i] === '' && lines[i + 1]?.startsWith('  • ')) {
      i++;
      const who = lines[i++].slice(4);
      if (/authors$/.test(who) && !/^\d+ authors$/.test(who)) fail(i - 1, `bad author count ${who}`);
      if (lines[i++] !== '·') fail(i - 1, 'expected ·');
      const dm = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(, (\d{4}))?( (\d+))?$/.exec(lines[i++] ?? '');
      if (!dm) fail(i - 1, `bad date line ${JSON.stringify(lines[i - 1])}`);
      const pm = MONTHS.indexOf(dm![1]);
      const py = dm![4] ? Number(dm![4]) : y;
      const pub = Date.UTC(py, pm, Number(dm![2]));
      if (new Date(pub).getUTCDate() !== Number(dm![2])) fail(i - 1, 'impossible date');
      if (dm![4] && py >= y) fail(i - 1, 'explicit year is not a past year');
      if (!dm![4] && pub > Date.UTC(y, m - 1, d)) fail(i - 1, 'yearless date after the day');
      entry.meta = { who, date: lines[i - 1], comments: dm![6] ? Number(dm![6]) : 0 };
    }
    entries.push(entry);
  }
  return { dayLine, entries };
}

describe('synth', () => {
  const series = synthSeries({ seed: 7, start: START });
  const days: SynthDay[] = Array.from({ length: 100 }, (_, i) => series.day(i));

  it('is deterministic for a seed and differs between seeds', () => {
    const a = synthSeries({ seed: 7, start: START }).day(42);
    expect(a.text).toBe(days[42].text);
    expect(a.fileName).toBe('daily-papers-2023-06-15.txt');
    expect(synthSeries({ seed: 8, start: START }).day(42).text).not.toBe(a.text);
    // The same day generated alone or after its predecessors is the same (pure core).
    expect(synthSeries({ seed: 7, start: START }).day(99).text).toBe(days[99].text);
  });

  it('puts a given share of papers under organisations, the largest far ahead, and changes nothing else', () => {
    const real = synthSeries({ seed: 7, start: START, organizations: { share: 0.33, count: 700 } });
    const orgs: string[] = [];
    let metas = 0;
    for (let i = 0; i < 100; i++) {
      const day = real.day(i);
      const checked = checkDump(day.text, day.date);
      // The same papers, in the same order, with the same dates; only the author line differs.
      expect(checked.entries.map((e) => [e.title, e.abstract, e.meta?.date])).toEqual(checkDump(days[i].text, days[i].date).entries.map((e) => [e.title, e.abstract, e.meta?.date]));
      for (const who of checked.entries.map((e) => e.meta?.who)) if (who !== undefined) (metas++, !/^\d+ authors$/.test(who) && orgs.push(who));
    }
    const share = orgs.length / metas;
    expect(share).toBeGreaterThan(0.29);
    expect(share).toBeLessThan(0.37);
    const counts = [...orgs.reduce((m, o) => m.set(o, (m.get(o) ?? 0) + 1), new Map<string, number>()).values()].sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThan(150);
    expect(counts[0]).toBeGreaterThan(10 * counts[Math.floor(counts.length / 2)]);
  });

  it('writes files that follow FORMAT.md', () => {
    for (const day of days) {
      const checked = checkDump(day.text, day.date);
      expect(checked.entries.length).toBe(day.entries.length);
      expect(checked.entries.map((e) => e.title)).toEqual(day.entries.map((e) => e.paper.title));
    }
  });

  it('has 25–45 entries a day and abstracts of 1,300–1,950 characters', () => {
    for (const day of days) {
      expect(day.entries.length).toBeGreaterThanOrEqual(25);
      expect(day.entries.length).toBeLessThanOrEqual(45);
      for (const e of day.entries) {
        const n = [...e.paper.abstract].length;
        expect(n).toBeGreaterThanOrEqual(1300);
        expect(n).toBeLessThanOrEqual(1950);
      }
    }
  });

  it('has about 8% meta-less entries and about 15% relisted papers', () => {
    const entries = days.flatMap((d) => d.entries);
    const metaless = entries.filter((e) => !e.paper.meta).length / entries.length;
    expect(metaless).toBeGreaterThan(0.06);
    expect(metaless).toBeLessThan(0.1);
    // Papers first listed early enough that their relisting falls inside the 100 days.
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
    const early = [...counts].filter(([key]) => Number(key.split(':')[0]) < 20);
    const relisted = early.filter(([, n]) => n > 1).length / early.length;
    expect(relisted).toBeGreaterThan(0.1);
    expect(relisted).toBeLessThan(0.2);
  });

  it('repeats a relisted paper with the same title and abstract', () => {
    const byKey = new Map<string, { title: string; abstract: string }>();
    let repeats = 0;
    for (const e of days.flatMap((d) => d.entries)) {
      const seen = byKey.get(e.key);
      if (seen) {
        repeats++;
        expect(e.paper.title).toBe(seen.title);
        expect(e.paper.abstract).toBe(seen.abstract);
      } else byKey.set(e.key, e.paper);
    }
    expect(repeats).toBeGreaterThan(100);
  });

  it('gives distinct papers distinct titles and includes the quirks', () => {
    const titles = new Map<string, string>();
    for (const e of days.flatMap((d) => d.entries)) {
      expect(titles.get(e.paper.title) ?? e.key).toBe(e.key);
      titles.set(e.paper.title, e.key);
    }
    const all = days.map((d) => d.text).join('\n');
    expect(all).toMatch(/\n {2}• 1 authors\n/);
    expect(all).toMatch(/\n {2}• [A-Z][^\n\d]+\n·\n/); // organisation instead of a count
    expect(all).toMatch(/\n(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d+(\n|$)/);
    expect(all).toMatch(/\n(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4} \d+(\n|$)/);
    expect([...titles.keys()].some((t) => t.includes('  '))).toBe(true);
    expect([...titles.keys()].some((t) => /[α-ω*_<&]/.test(t))).toBe(true);
  });
});
