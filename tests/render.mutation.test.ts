// Records → file text (scripts/ingest/render.ts), byte for byte, asserted in-process (the CLI
// tests write files through a child process, which mutation testing cannot see).
import { describe, expect, it } from 'vitest';
import { abstractToMarkdown, readFrontMatter, renderDay, renderPaper } from '../scripts/ingest/render.ts';
import type { PaperData } from '../src/schema.ts';
import { markdownText } from '../src/format/markdown-text.ts';

const paper: PaperData = {
  title: 'Fish and Chips',
  authors: 3,
  organization: null,
  published: '2025-01-02',
  comments: 4,
  days: ['2025-01-03', '2025-01-05'],
};

describe('renderPaper', () => {
  it('writes the front matter in schema order, day ids quoted, then the abstract', () => {
    expect(renderPaper(paper, 'A study of fish.')).toBe(
      [
        '---',
        'title: Fish and Chips',
        'authors: 3',
        'organization: null',
        "published: '2025-01-02'",
        'comments: 4',
        'days:',
        "  - '2025-01-03'",
        "  - '2025-01-05'",
        '---',
        'A study of fish.',
        '',
      ].join('\n'),
    );
  });

  it('gives the same bytes whatever order the record’s keys come in', () => {
    const shuffled = { days: paper.days, comments: 4, title: 'Fish and Chips', published: '2025-01-02', organization: null, authors: 3 };
    expect(renderPaper(shuffled, 'x')).toBe(renderPaper(paper, 'x'));
  });

  it('never folds a long title over several lines', () => {
    const title = `A ${'very '.repeat(30)}long title`;
    const text = renderPaper({ ...paper, title }, 'x');
    expect(text.split('\n')[1]).toBe(`title: ${title}`);
  });

  it('throws on an invalid record (a bug, not bad input)', () => {
    expect(() => renderPaper({ ...paper, days: [] }, 'x')).toThrow();
    expect(() => renderPaper({ ...paper, authors: -1 }, 'x')).toThrow();
  });
});

describe('abstractToMarkdown', () => {
  it('writes plain text as one paragraph', () => {
    expect(abstractToMarkdown('We study fish.')).toBe('We study fish.\n');
  });

  it('escapes what Markdown would read as syntax, so the text reads back unchanged', () => {
    for (const text of ['*not emphasis*', '# not a heading', '[not](a link)', 'a_b_c and <b>', '1. not a list', 'x & y &amp; z \\ w']) {
      const md = abstractToMarkdown(text);
      expect(md).not.toBe(`${text}\n`);
      expect(markdownText(md)).toBe(text);
    }
  });
});

describe('renderDay', () => {
  it('writes the date, the slugs in listed order and the source: front matter, then an empty body', () => {
    const sha = 'ab'.repeat(32);
    const day = { papers: ['b-paper', 'a-paper'], source: { sha256: sha, file: 'dump.txt' }, date: '2025-01-03' };
    expect(renderDay(day)).toBe(
      ['---', "date: '2025-01-03'", 'papers:', '  - b-paper', '  - a-paper', 'source:', '  file: dump.txt', `  sha256: ${sha}`, '---', '', ''].join('\n'),
    );
    expect(() => renderDay({ ...day, date: '2025-02-30' })).toThrow();
  });
});

describe('readFrontMatter', () => {
  it('reads back what the renderers wrote', () => {
    const back = readFrontMatter(renderPaper(paper, 'A study of fish.'));
    expect(back.data).toEqual(paper);
    expect(back.content).toBe('A study of fish.\n');
  });
});
