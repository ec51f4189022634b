// The parser's rules one by one (scripts/ingest/parse.ts, dump-dates.ts, parse-year.ts), on
// small dumps written here: each expectation is worked out by hand from docs/format.md.
import { describe, expect, test } from 'vitest';
import { looksLikeDate, monthNumber, parseDateLine, parseDayLine, possibleDay, ymd } from '../scripts/ingest/dump-dates.ts';
import { MAX_PROBLEMS, parseDump } from '../scripts/ingest/parse.ts';

// A page: a two-line header, the day line (line 3), then the cards from line 5.
const page = (day: string, cards: string[], header = ['Daily Papers', '']) => [...header, day, '', ...cards].join('\n');
// A card: title, abstract, and optionally a meta block (authors or organisation, "·", date).
const card = (title: string, abstract: string, meta?: [who: string, date: string]) =>
  [title, '', abstract, '', ...(meta ? [`\u2022 ${meta[0]}`, '\u00b7', meta[1], ''] : [])].join('\n');
// Line numbers with the default header: a card of n-th position starts at 5 + 8 × (n - 1) when
// every card before it has a meta block (title, blank, abstract, blank, 3 meta lines, blank).

const messages = (r: ReturnType<typeof parseDump>) => r.diagnostics.map((d) => `${d.line}: ${d.message}`);
const F = '2024-12-09.txt';

describe('dump dates', () => {
  test('every month by its long and short name', () => {
    const long = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    long.forEach((name, i) => {
      expect(monthNumber(name)).toBe(i + 1);
      expect(monthNumber(name.slice(0, 3))).toBe(i + 1);
      expect(parseDayLine(`${name} 1`)).toMatchObject({ month: i + 1, day: 1 });
      expect(parseDateLine(`${name.slice(0, 3)} 2, 2024 3`)).toEqual({ month: i + 1, day: 2, year: 2024, comments: '3' });
    });
  });

  test('month names, long, short and "Sept"', () => {
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('June')).toBe(6);
    expect(monthNumber('Jun')).toBe(6);
    expect(monthNumber('January')).toBe(1);
    expect(monthNumber('Foo')).toBe(0);
    expect(parseDateLine('Sept 5')).toEqual({ month: 9, day: 5, year: undefined, comments: undefined });
  });

  test('possible days, in any year', () => {
    expect([possibleDay(0, 1), possibleDay(13, 1), possibleDay(1, 0), possibleDay(1, 32)]).toEqual([false, false, false, false]);
    expect([possibleDay(2, 29), possibleDay(2, 30), possibleDay(4, 31), possibleDay(12, 31), possibleDay(1, 1)]).toEqual([true, false, false, true, true]);
  });

  test('a year needs its comma; without it the number is the comment count', () => {
    expect(parseDateLine('Aug 28 2024')).toEqual({ month: 8, day: 28, comments: '2024' });
    expect(parseDateLine('Aug 28, 2024')).toEqual({ month: 8, day: 28, year: 2024, comments: undefined });
    expect(parseDateLine('Aug 28, 2024 5')).toEqual({ month: 8, day: 28, year: 2024, comments: '5' });
    expect(parseDateLine('Aug 28 2024 5')).toBeUndefined();
    expect(parseDateLine('Aug 28 5')).toEqual({ month: 8, day: 28, year: undefined, comments: '5' });
  });

  test('what looks like a date', () => {
    expect(looksLikeDate('Dec 9 3')).toBe(true);
    expect(looksLikeDate('Gemma 3')).toBe(false);
    expect(parseDayLine('Dec 9 3')).toBeUndefined();
    expect(ymd(99, 3, 4)).toBe('0099-03-04');
  });
});

describe('the header and the day line', () => {
  test('the day line may be the first line, and indented', () => {
    const r = parseDump(['  Dec 9  ', '', card('A', 'B.')].join('\n'), F);
    expect(r.day).toBe('2024-12-09');
    expect(r.entries.map((e) => e.line)).toEqual([3]);
  });

  test('blank lines do not count towards the header’s 60 lines; the 61st line refuses the dump', () => {
    expect(parseDump(page('Dec 9', [card('A', 'B.')], ['', '', ...Array(80).fill('')]), F).day).toBe('2024-12-09');
    const sixty = Array.from({ length: 60 }, (_, i) => `header ${i}`);
    expect(parseDump(page('Dec 9', [card('A', 'B.')], sixty), F).day).toBe('2024-12-09');
    expect(messages(parseDump(page('Dec 9', [card('A', 'B.')], [...sixty, 'one more']), F))).toEqual(['1: not a dump: no day line ("Mon D", e.g. "Dec 9") ending a header']);
  });

  test('a header line over 200 characters, an author line or a middle dot ends the search for a day line', () => {
    expect(parseDump(page('Dec 9', [card('A', 'B.')], ['x'.repeat(200)]), F).day).toBe('2024-12-09');
    for (const header of [['x'.repeat(201)], ['\u2022 3 authors'], ['\u00b7']]) {
      expect(parseDump(page('Dec 9', [card('A', 'B.')], header), F).day).toBeUndefined();
    }
  });

  test('an impossible day line with a year', () => {
    expect(messages(parseDump(page('Feb 29, 2023', [card('A', 'B.')]), 'x.txt'))).toEqual(['3: impossible date "Feb 29, 2023"']);
    expect(parseDump(page('Feb 29, 2024', [card('A', 'B.')]), 'x.txt').day).toBe('2024-02-29');
  });
});

describe('blocks', () => {
  test('a line of spaces separates blocks like an empty one', () => {
    const text = ['Dec 9', '   ', 'Title', ' \t ', 'Abstract.', '  '].join('\n');
    expect(parseDump(text, F).entries.map((e) => [e.title, e.abstract])).toEqual([['Title', 'Abstract.']]);
  });

  test('titles and abstracts are trimmed and their spaces folded', () => {
    const r = parseDump(page('Dec 9', [card('   A   Title', '   The   abstract.')]), F);
    expect(r.entries.map((e) => [e.title, e.abstract])).toEqual([['A Title', 'The   abstract.']]);
  });
});

describe('entries', () => {
  test('a title on two lines', () => {
    expect(messages(parseDump(page('Dec 9', [['Title', 'more title', '', 'Abstract.', ''].join('\n')]), F))).toEqual([
      '6: expected a blank line after the title (titles are one line)',
    ]);
  });

  test('an abstract on two lines', () => {
    expect(messages(parseDump(page('Dec 9', [['Title', '', 'Abstract.', 'more abstract', ''].join('\n')]), F))).toEqual([
      '8: expected a blank line after the abstract (abstracts are one line)',
    ]);
  });

  test('a date line with a comment count is no title, and no abstract', () => {
    expect(messages(parseDump(page('Dec 9', [card('Dec 10 5', 'B.')]), F))).toEqual(['5: expected a title, found a date line "Dec 10 5"']);
    expect(messages(parseDump(page('Dec 9', [card('Title', 'Dec 10 5')]), F))).toEqual(['7: expected an abstract, found a date line "Dec 10 5"']);
  });

  test('a title of 500 characters is one; of 501, an abstract that lost its title', () => {
    expect(parseDump(page('Dec 9', [card('t'.repeat(500), 'B.')]), F).entries).toHaveLength(1);
    expect(messages(parseDump(page('Dec 9', [card('t'.repeat(501), 'B.')]), F))).toEqual([
      '5: expected a title, found 501 characters: is an entry above missing its abstract?',
    ]);
  });

  test('a meta line where a title is expected: an author line, or a stray (indented) middle dot', () => {
    expect(messages(parseDump(page('Dec 9', ['\u2022 3 authors', '', card('A', 'B.')]), F))).toEqual(['5: meta line "\u2022 3 authors" where a title was expected']);
    expect(messages(parseDump(page('Dec 9', ['   \u2022 3 authors', '', card('A', 'B.')]), F))).toEqual(['5: meta line "\u2022 3 authors" where a title was expected']);
    expect(messages(parseDump(page('Dec 9', ['  \u00b7', '', card('A', 'B.')]), F))).toEqual(['5: stray "\u00b7" where a title was expected']);
  });
});

describe('meta blocks', () => {
  const one = (who: string, date = 'Dec 1') => parseDump(page('Dec 9', [card('T', 'A.', [who, date])]), F);
  const meta = (lines: string[]) => parseDump(page('Dec 9', [['T', '', 'A.', '', ...lines, ''].join('\n'), card('U', 'B.')]), F);

  test('author counts: singular or plural, any case, with a copied zero-width space', () => {
    expect(one('1 author').entries[0].authors).toBe(1);
    expect(one('12 Authors').entries[0].authors).toBe(12);
    expect(one('\uFEFF3 authors').entries[0].authors).toBe(3);
  });

  test('the bullet may touch the count, and a bullet inside a title is no meta line', () => {
    expect(meta(['\u20223 authors', '\u00b7', 'Dec 1']).entries[0].authors).toBe(3);
    expect(parseDump(page('Dec 9', [card('A \u2022 B', 'C.')]), F).entries.map((e) => e.title)).toEqual(['A \u2022 B']);
  });

  test('an organisation that merely starts like "author" is an organisation', () => {
    expect(one('Authors Guild').entries[0]).toMatchObject({ authors: null, organization: 'Authors Guild' });
  });

  test('an author count must be a whole number that fits', () => {
    expect(messages(one('authors'))).toEqual(['9: author count "" is not a whole number']);
    expect(messages(one('-3 authors'))).toEqual(['9: author count "-3" is not a whole number']);
    expect(messages(one('3e2 authors'))).toEqual(['9: author count "3e2" is not a whole number']);
    expect(messages(one('99999999999999999999 authors'))).toEqual(['9: author count "99999999999999999999" is not a whole number']);
  });

  test('an empty author line, and meta characters inside an organisation', () => {
    expect(messages(meta(['\u2022   ', '\u00b7', 'Dec 1']))).toEqual(['9: empty author line: expected "N authors" or an organisation']);
    expect(messages(one('Lab \u00b7 Other'))).toEqual(['9: unexpected "\u00b7" in the author line']);
    expect(messages(one('Lab \u2022 Other'))).toEqual(['9: unexpected "\u2022" in the author line']);
  });

  test('a meta block that opens with its middle dot', () => {
    expect(messages(meta(['\u00b7', 'Dec 1']))).toEqual(['9: stray "\u00b7" where an author line was expected']);
  });

  test('a meta block of two lines, cut short or not', () => {
    expect(messages(meta(['\u2022 3 authors', '\u00b7']))).toEqual(['9: incomplete meta block: 2 of 3 lines ("\u2022 N authors", "\u00b7", date)']);
    expect(messages(parseDump(page('Dec 9', [['T', '', 'A.', '', '\u2022 3 authors', '\u00b7'].join('\n')]), F))).toEqual([
      '9: incomplete meta block: 2 of 3 lines ("\u2022 N authors", "\u00b7", date): the capture ends here, possibly cut short',
    ]);
  });

  test('a meta block of four lines', () => {
    expect(messages(meta(['\u2022 3 authors', '\u00b7', 'Dec 1', 'more']))).toEqual(["12: expected a blank line after the meta block's date line"]);
  });

  test('the middle dot and the date may be indented; runs of spaces in the date are one', () => {
    expect(meta(['\u2022 3 authors', '   \u00b7', '  Dec  1   4']).entries[0]).toMatchObject({ published: '2024-12-01', comments: 4 });
  });

  test('date lines that are not dates', () => {
    expect(messages(one('3 authors', 'yesterday'))).toEqual(['11: bad date line "yesterday": expected "Mon D", "Mon D, YYYY", optionally followed by a comment count']);
    expect(messages(one('3 authors', '5 Foo 12'))).toEqual(['11: bad date line "5 Foo 12": expected "Mon D", "Mon D, YYYY", optionally followed by a comment count']);
    expect(messages(one('3 authors', 'Foo 12'))).toEqual(['11: impossible date "Foo 12": unknown month "Foo"']);
    expect(messages(one('3 authors', 'Feb 29, 2023'))).toEqual(['11: impossible date "Feb 29, 2023"']);
    expect(messages(one('3 authors', 'Dec 1 99999999999999999999'))).toEqual(['11: comment count "99999999999999999999" is too large']);
  });
});

describe('resuming after a problem', () => {
  test('reading goes on after the broken entry’s own block, finding the next problem', () => {
    // A stray meta block first (line 5), then a title on two lines (lines 7-8): both reported.
    const text = page('Dec 9', ['\u2022 3 authors', '', ['Title', 'more', '', 'A.', ''].join('\n'), ['\u2022 2 authors', '\u00b7', 'Dec 1', ''].join('\n'), card('Fine', 'B.')]);
    expect(messages(parseDump(text, F))).toEqual(['5: meta line "\u2022 3 authors" where a title was expected', '8: expected a blank line after the title (titles are one line)']);
  });
});

describe('repeated cards', () => {
  const twice = (a: string, b: string) => parseDump(page('Dec 9', [a, b]), F);

  test('a later paste with fewer comments keeps the higher count', () => {
    const r = twice(card('P', 'A.', ['2 authors', 'Dec 1 5']), card('P', 'A.', ['2 authors', 'Dec 1 3']));
    expect(r.entries[0].comments).toBe(5);
    expect(r.notes.map((n) => n.message)).toEqual(['"P" repeats the entry of line 5 with 3 comments instead of 5: taken once, with 5 comments']);
  });

  test('a card without a meta block pasted twice is one listing', () => {
    const r = twice(card('P', 'A.'), card('P', 'A.'));
    expect(r.diagnostics).toEqual([]);
    expect(r.notes.map((n) => n.message)).toEqual(['"P" repeats the entry of line 5: taken once']);
  });

  test('any other difference is a conflict naming what differs', () => {
    const base = card('P', 'A.', ['2 authors', 'Dec 1']);
    const conflict = (other: string) => messages(twice(base, other));
    expect(conflict(card('P', 'Other.', ['3 authors', 'Dec 1']))).toEqual([
      '13: "P" is listed twice with different entries (lines 5 and 13; they differ in the abstract, the authors)',
    ]);
    expect(conflict(card('P', 'A.', ['Lab', 'Dec 1']))).toEqual(['13: "P" is listed twice with different entries (lines 5 and 13; they differ in the authors)']);
    expect(conflict(card('P', 'A.'))).toEqual(['13: "P" is listed twice with different entries (lines 5 and 13; they differ in the authors, the meta block)']);
    expect(conflict(card('P', 'A.', ['2 authors', 'Nov 1']))).toEqual(['13: "P" is listed twice with different entries (lines 5 and 13; they differ in the publication date)']);
    expect(conflict(card('P', 'A.', ['2 authors', 'Dec 2']))).toEqual(['13: "P" is listed twice with different entries (lines 5 and 13; they differ in the publication date)']);
    expect(conflict(card('P', 'A.', ['2 authors', 'Dec 1, 2023']))).toEqual(['13: "P" is listed twice with different entries (lines 5 and 13; they differ in the publication date)']);
    const orgs = messages(twice(card('P', 'A.', ['Lab', 'Dec 1']), card('P', 'A.', ['Other Lab', 'Dec 1'])));
    expect(orgs).toEqual(['13: "P" is listed twice with different entries (lines 5 and 13; they differ in the authors)']);
  });
});

describe('page chrome notes', () => {
  test('preview the chrome’s lines trimmed, six at most', () => {
    const six = ['  Models', 'Datasets', 'Spaces', 'Docs', 'Pricing', 'Blog'];
    const r = parseDump(page('Dec 9', [six.join('\n'), '', card('A', 'B.')]), F);
    expect(r.notes.map((n) => n.message)).toEqual(['page chrome left out: "Models", "Datasets", "Spaces", "Docs", "Pricing", "Blog"']);
    const seven = parseDump(page('Dec 9', [[...six, 'Jobs'].join('\n'), '', card('A', 'B.')]), F);
    expect(seven.notes.map((n) => n.message)).toEqual(['page chrome left out: "Models", "Datasets", "Spaces", "Docs", "Pricing", "Blog" …']);
  });
});

describe('publication dates against the day', () => {
  test('a yearless date that does not exist in the day’s year', () => {
    expect(messages(parseDump(page('Mar 1, 2023', [card('T', 'A.', ['2 authors', 'Feb 29'])]), 'x.txt'))).toEqual(['11: impossible date: 2023-02-29 does not exist']);
  });

  test('a date more than two days after the day, with a year or without', () => {
    expect(messages(parseDump(page('Dec 9, 2024', [card('T', 'A.', ['2 authors', 'Dec 12, 2024'])]), 'x.txt'))).toEqual([
      "11: published 2024-12-12, 3 days after the dump's day 2024-12-09",
    ]);
    expect(messages(parseDump(page('Dec 9', [card('T', 'A.', ['2 authors', 'Dec 12'])]), F))).toEqual([
      "11: published 2024-12-12, 3 days after the dump's day 2024-12-09: a yearless date is the day's own year, so the day's year looks wrong (give it with --date)",
    ]);
    expect(parseDump(page('Dec 9', [card('T', 'A.', ['2 authors', 'Dec 11'])]), F).diagnostics).toEqual([]);
  });
});

describe('which problems a refused dump reports', () => {
  // An entry problem (a two-line title, its meta block on lines 10-12) and a late date (line
  // 20): the date is checked only when the day's year is known without inferring it.
  const broken = ['Bad', 'title', '', 'A.', '', '\u2022 1 author', '\u00b7', 'Dec 1', ''].join('\n');
  const late = card('T', 'A.', ['2 authors', 'Dec 20']);

  test('a year from the file name, the header or --date: both problems', () => {
    const both = ['6: expected a blank line after the title (titles are one line)', "20: published 2024-12-20, 11 days after the dump's day 2024-12-09: a yearless date is the day's own year, so the day's year looks wrong (give it with --date)"];
    expect(messages(parseDump(page('Dec 9', [broken, late]), 'dumps/2024-12-09.txt'))).toEqual(both);
    expect(messages(parseDump(page('Dec 9', [broken, late]), 'x.txt', { date: '2024-12-09' }))).toEqual(both);
    expect(messages(parseDump(page('Dec 9, 2024', [broken, late]), 'x.txt'))).toEqual(both);
  });

  test('a year to infer: the entry problem alone', () => {
    for (const file of ['x.txt', 'x1-12-09.txt', 'x2024-12-1.txt', '2024-12-09/x.txt']) {
      expect(messages(parseDump(page('Dec 9', [broken, late]), file)), file).toEqual(['6: expected a blank line after the title (titles are one line)']);
    }
  });
});

describe('the year of the day', () => {
  test('--date must be a real day, and the header’s', () => {
    // The card's date is checked against the day only once the day is settled.
    const dated = card('A', 'B.', ['2 authors', 'Dec 1']);
    expect(messages(parseDump(page('Dec 9', [dated]), 'x.txt', { date: '2024-02-30' }))).toEqual(['3: --date 2024-02-30 is not a real date']);
    expect(messages(parseDump(page('Dec 9', [card('A', 'B.')]), 'x.txt', { date: '2024-11-09' }))).toEqual([
      '3: --date 2024-11-09 disagrees with the header\'s day "Dec 9"',
    ]);
    expect(parseDump(page('Dec 9, 2024', [card('A', 'B.')]), 'x.txt', { date: '2024-12-09' })).toMatchObject({ day: '2024-12-09', dayFrom: 'option' });
    expect(parseDump(page('Dec 9, 2024', [card('A', 'B.')]), 'x.txt', { date: '2023-12-09' }).day).toBeUndefined();
  });

  test('the file name’s date, within a name, must be the header’s day; folders do not count', () => {
    expect(parseDump(page('Dec 9', [card('A', 'B.')]), 'capture-2024-12-09.txt')).toMatchObject({ day: '2024-12-09', dayFrom: 'file-name' });
    expect(messages(parseDump(page('Dec 9', [card('A', 'B.', ['2 authors', 'Dec 1'])]), 'dump-2024-11-09.txt'))).toEqual([
      '3: the file name\'s date 2024-11-09 disagrees with the header\'s day "Dec 9"',
    ]);
    expect(parseDump(page('Dec 9, 2024', [card('A', 'B.')]), 'archive/2024-01-01/capture.txt')).toMatchObject({ day: '2024-12-09', dayFrom: 'header' });
  });

  test('no year anywhere: --date is asked for', () => {
    expect(messages(parseDump(page('Dec 9', [card('A', 'B.')]), 'x.txt'))).toEqual([
      '3: no year anywhere in the dump to infer the day "Dec 9" from: give it with --date YYYY-MM-DD',
    ]);
  });

  test('an inferred year is a leap year when the day or a yearless date is February 29', () => {
    const infer = (day: string, dates: string[]) => parseDump(page(day, dates.map((d, i) => card(`T${i}`, 'A.', ['2 authors', d]))), 'x.txt').day;
    // The smallest year after every explicit year (2022): 2023, or 2024 when it must be a leap year.
    expect(infer('Feb 29', ['Feb 20', 'Dec 1, 2022'])).toBe('2024-02-29');
    expect(infer('Feb 28', ['Feb 20', 'Dec 1, 2022'])).toBe('2023-02-28');
    expect(infer('Mar 29', ['Mar 20', 'Dec 1, 2022'])).toBe('2023-03-29');
    expect(infer('Mar 5', ['Feb 29', 'Mar 1', 'Dec 1, 2022'])).toBe('2024-03-05');
    expect(infer('Apr 2', ['Mar 29', 'Dec 1, 2022'])).toBe('2023-04-02');
  });
});

describe('too many problems', () => {
  test('exactly MAX_PROBLEMS problems are all listed, with no count of more', () => {
    const cards = Array.from({ length: MAX_PROBLEMS }, (_, i) => card(`T${i}`, 'A.', ['2 authors', 'Feb 30']));
    const r = parseDump(page('Dec 9, 2024', cards), 'x.txt');
    expect(r.diagnostics).toHaveLength(MAX_PROBLEMS);
    expect(r.diagnostics.at(-1)!.message).toBe('impossible date "Feb 30"');
    const more = parseDump(page('Dec 9, 2024', [...cards, card('X', 'A.', ['2 authors', 'Feb 30'])]), 'x.txt');
    expect(more.diagnostics).toHaveLength(MAX_PROBLEMS + 1);
    expect(more.diagnostics.at(-1)!.message).toBe('and 1 more problem(s) from here on');
  });
});
