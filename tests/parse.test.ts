// Parser fixtures: one folder per case under tests/fixtures/parse/ with `input.txt`,
// `options.json` ({ file, date? }) and `expected.json`. A missing `expected.json` fails; only
// UPDATE_FIXTURES=1 writes the expectations from the parser's output (review the diff before
// committing). Those were blessed from the parser itself, so a few cases below are written by
// hand from their input, as an independent check.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDump } from '../scripts/ingest/parse.ts';

const root = path.join(import.meta.dirname, 'fixtures', 'parse');
const update = process.env.UPDATE_FIXTURES === '1';

describe('parseDump fixtures', () => {
  for (const name of fs.readdirSync(root).sort()) {
    test(name, () => {
      const dir = path.join(root, name);
      const options = JSON.parse(fs.readFileSync(path.join(dir, 'options.json'), 'utf8')) as { file: string; date?: string };
      const result = parseDump(fs.readFileSync(path.join(dir, 'input.txt')), options.file, { date: options.date });
      const expectedFile = path.join(dir, 'expected.json');
      const actual = JSON.parse(JSON.stringify(result));
      if (update) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      if (!fs.existsSync(expectedFile)) {
        throw new Error(`${expectedFile} is missing: write what this case must give, or run UPDATE_FIXTURES=1 npx vitest run tests/parse.test.ts and review what the parser wrote`);
      }
      expect(actual).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
      // Good cases parse clean, bad ones are refused with at least one located diagnostic.
      if (name.startsWith('ok-')) expect(result.diagnostics).toEqual([]);
      else {
        expect(result.diagnostics.length).toBeGreaterThan(0);
        expect(result.day).toBeUndefined();
      }
    });
  }
});

describe('parseDump', () => {
  test('text and bytes give the same result', () => {
    const file = path.join(root, 'ok-basic', 'input.txt');
    expect(parseDump(fs.readFileSync(file, 'utf8'), 'x')).toEqual(parseDump(fs.readFileSync(file), 'x'));
  });
  test('never throws on random bytes', () => {
    let seed = 1;
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(200).map(() => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) & 0xff);
      expect(parseDump(bytes, 'r').diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe('parseDump, expectations written by hand', () => {
  // The page's text as a capture has it: the heading, the day line, then one card per paper
  // (title, abstract, and a meta block: authors or organisation, a middle dot, the published
  // date with the comment count after it).
  const page = (day: string, cards: string[]) => ['Daily Papers', '', 'by AK and the research community', '', day, '', ...cards].join('\n');
  const card = (title: string, abstract: string, meta?: [who: string, date: string]) =>
    [title, '', abstract, '', ...(meta ? [`  \u2022 ${meta[0]}`, '\u00b7', meta[1], ''] : [])].join('\n');

  test('two papers: authors or an organisation, dates with and without a year, comment counts', () => {
    const text = page('Mar 4', [card('First Title', 'First abstract.', ['7 authors', 'Feb 28 2']), card('Second Title', 'Second abstract.', ['Example University', 'Dec 30, 2024']), card('Third Title', 'Nothing known.')]);
    // Lines: 5 "Mar 4"; 7 the first title, 11-13 its meta block; 15 the second title; 23 the third.
    expect(parseDump(text, '2025-03-04.txt')).toEqual({
      day: '2025-03-04',
      dayFrom: 'file-name',
      entries: [
        { title: 'First Title', abstract: 'First abstract.', authors: 7, organization: null, published: '2025-02-28', comments: 2, line: 7 },
        { title: 'Second Title', abstract: 'Second abstract.', authors: null, organization: 'Example University', published: '2024-12-30', comments: 0, line: 15 },
        { title: 'Third Title', abstract: 'Nothing known.', authors: null, organization: null, published: null, comments: null, line: 23 },
      ],
      diagnostics: [],
      notes: [],
    });
  });

  test('the date option names the year of a day line without one', () => {
    const r = parseDump(page('Dec 9', [card('A Paper', 'An abstract.')]), 'raw.txt', { date: '2031-12-09' });
    expect({ day: r.day, dayFrom: r.dayFrom, titles: r.entries.map((e) => e.title) }).toEqual({ day: '2031-12-09', dayFrom: 'option', titles: ['A Paper'] });
  });

  test('an impossible date refuses the dump, naming its line and column', () => {
    const r = parseDump(page('Mar 4', [card('T', 'A.', ['3 authors', 'Feb 30, 2024'])]), '2025-03-04.txt');
    expect(r.day).toBeUndefined();
    expect(r.diagnostics).toEqual([{ file: '2025-03-04.txt', line: 13, column: 1, message: 'impossible date "Feb 30, 2024"' }]);
  });

  test('a card pasted twice is taken once, with a note naming both lines', () => {
    const twice = card('Same Paper', 'Same abstract.', ['2 authors', 'Mar 1 5']);
    const r = parseDump(page('Mar 4', [twice, twice]), '2025-03-04.txt');
    expect(r.entries.map((e) => [e.title, e.line])).toEqual([['Same Paper', 7]]);
    expect(r.notes).toEqual([{ file: '2025-03-04.txt', line: 15, column: 1, message: '"Same Paper" repeats the entry of line 7: taken once' }]);
  });
});
