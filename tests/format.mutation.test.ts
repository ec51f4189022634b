// Text for people (src/format/): orders, dates, counts, excerpts, links and Markdown text, at
// their edges. Expected values are written out by hand (calendar facts, escapes, counts).
import { describe, expect, it } from 'vitest';
import { compareById, compareText } from '../src/format/compare.ts';
import { cutExcerpt } from '../src/format/cut-excerpt.ts';
import { DAY_MS, dateToDay, dayToDate, isoWeek, MONTH_NAMES, monthOf, SHORT_MONTH_NAMES, weekBounds, weekdayFromMonday } from '../src/format/dates.ts';
import { describeAuthors, describeComments, knownFacts } from '../src/format/describe-paper.ts';
import { escapeHtml } from '../src/format/escape-html.ts';
import { formatDay, formatMonth, formatShortMonth, formatWeek } from '../src/format/format-day.ts';
import { formatCount, formatShare } from '../src/format/format-number.ts';
import { linksOut } from '../src/format/links-out.ts';
import { markdownText, splitFrontMatter, textToHtml } from '../src/format/markdown-text.ts';
import { countOf, plural } from '../src/format/plural.ts';
import { queryWords } from '../src/format/words.ts';

describe('compare', () => {
  it('orders by code units: capitals before small letters, accents after z', () => {
    expect(compareText('a', 'b')).toBe(-1);
    expect(compareText('b', 'a')).toBe(1);
    expect(compareText('a', 'a')).toBe(0);
    expect(['é', 'b', 'Z', 'a'].sort(compareText)).toEqual(['Z', 'a', 'b', 'é']);
    expect([{ id: 'b' }, { id: 'B' }, { id: 'a' }].sort(compareById)).toEqual([{ id: 'B' }, { id: 'a' }, { id: 'b' }]);
    expect(compareById({ id: 'x' }, { id: 'x' })).toBe(0);
  });
});

describe('cutExcerpt', () => {
  it('cuts mid-word when the last space is no later than half the limit', () => {
    // The space is at 10 of a 20-character room: not past half, so the word is cut.
    expect(cutExcerpt(`${'a'.repeat(10)} ${'b'.repeat(20)}`, 20)).toBe(`${'a'.repeat(10)} ${'b'.repeat(9)}…`);
    expect(cutExcerpt(`${'a'.repeat(11)} ${'b'.repeat(20)}`, 20)).toBe(`${'a'.repeat(11)}…`);
  });

  it('drops every trailing punctuation mark and space before the ellipsis, and only there', () => {
    expect(cutExcerpt('alpha beta?! gamma', 13)).toBe('alpha beta…');
    expect(cutExcerpt('word — next words', 8)).toBe('word…');
    expect(cutExcerpt('one, two three four', 14)).toBe('one, two…');
  });

  it('uses 250 characters by default', () => {
    const text = `${'a'.repeat(200)} ${'b'.repeat(100)}`;
    expect(cutExcerpt(text)).toBe(`${'a'.repeat(200)}…`);
    expect(cutExcerpt('a'.repeat(250))).toBe('a'.repeat(250));
  });
});

describe('dates', () => {
  it('names the months', () => {
    expect(MONTH_NAMES[0]).toBe('January');
    expect(MONTH_NAMES[11]).toBe('December');
    expect(SHORT_MONTH_NAMES).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });

  it('reads a month id as its first day, and writes a date back as its id', () => {
    expect(dayToDate('2025-03').toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(dateToDay(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toBe('2024-02-29');
    expect(monthOf('2024-02-29')).toBe('2024-02');
  });

  it('counts weekdays from Monday', () => {
    // 2025-01-06 was a Monday, 2025-01-05 a Sunday, 2025-01-01 a Wednesday.
    expect(weekdayFromMonday(dayToDate('2025-01-06'))).toBe(0);
    expect(weekdayFromMonday(dayToDate('2025-01-05'))).toBe(6);
    expect(weekdayFromMonday(dayToDate('2025-01-01'))).toBe(2);
  });

  it('gives ISO weeks across year ends', () => {
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // Monday of the week holding 2025-01-02, a Thursday
    expect(isoWeek('2025-01-05')).toBe('2025-W01');
    expect(isoWeek('2025-01-06')).toBe('2025-W02');
    expect(isoWeek('2021-01-03')).toBe('2020-W53'); // 2020 began on a Wednesday of a leap year
    expect(isoWeek('2026-12-31')).toBe('2026-W53'); // 2026 begins on a Thursday
    expect(isoWeek('2025-12-14')).toBe('2025-W50');
  });

  it('refuses a week id with anything around it', () => {
    expect(() => weekBounds('x2025-W01')).toThrow();
    expect(() => weekBounds('2025-W01x')).toThrow();
  });

  it('gives a week’s Monday and Sunday', () => {
    expect(weekBounds('2025-W01')).toEqual({ start: '2024-12-30', end: '2025-01-05' });
    expect(weekBounds('2020-W53')).toEqual({ start: '2020-12-28', end: '2021-01-03' });
    expect(weekBounds('2025-W50')).toEqual({ start: '2025-12-08', end: '2025-12-14' });
  });
});

describe('describe-paper', () => {
  it('gives the count and the organisation together when both are known', () => {
    expect(describeAuthors({ authors: 3, organization: 'MIT' })).toBe('3 authors, MIT');
    expect(describeAuthors({ authors: 0, organization: 'MIT' })).toBe('0 authors, MIT');
    expect(describeComments(2)).toBe('2 comments');
  });

  it('keeps only the known facts', () => {
    expect(knownFacts({ authors: null, organization: null, published: null, comments: null })).toEqual({});
    expect(knownFacts({ authors: 0, organization: null, published: '2025-01-01', comments: 0 })).toEqual({
      authors: '0 authors',
      published: '2025-01-01',
      comments: '0 comments',
    });
    expect(knownFacts({ authors: null, organization: 'MIT', published: null, comments: 1 })).toEqual({ authors: 'MIT', comments: '1 comment' });
  });
});

describe('escapeHtml', () => {
  it('escapes &, <, > and double quotes, nothing else', () => {
    expect(escapeHtml(`a < b & "c" > d 'e'`)).toBe(`a &lt; b &amp; &quot;c&quot; &gt; d 'e'`);
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('format-day', () => {
  it('writes short months and weeks', () => {
    expect(formatShortMonth('2025-01-15')).toBe('Jan 2025');
    expect(formatShortMonth('2024-12')).toBe('Dec 2024');
    expect(formatMonth('2025-09-30')).toBe('September 2025');
    expect(formatDay('2025-09-05')).toBe('September 5, 2025');
    expect(formatWeek('2025-W50')).toBe('Week 50 of 2025 (December 8 – December 14)');
    expect(formatWeek('2025-W01')).toBe('Week 1 of 2025 (December 30 – January 5)');
    expect(formatWeek('2025-W01', true)).toBe('Week 1, 2025');
  });

  it('gives every day its own text, the first time and after (days are formatted once)', () => {
    const days = ['2025-09-05', '2025-09-06', '2025-10-05', '2024-09-05', '2025-09-05', '2025-10-05'];
    expect(days.map(formatDay)).toEqual(['September 5, 2025', 'September 6, 2025', 'October 5, 2025', 'September 5, 2024', 'September 5, 2025', 'October 5, 2025']);
    expect(() => formatDay('not-a-day')).toThrow(RangeError);
    expect(() => formatDay('not-a-day')).toThrow(RangeError);
  });
});

describe('format-number', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
  });

  it('gives shares with one decimal, rounded, and 0.0% of nothing', () => {
    expect(formatShare(1, 8)).toBe('12.5%');
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(2, 3)).toBe('66.7%');
    expect(formatShare(1, 1)).toBe('100.0%');
    expect(formatShare(0, 5)).toBe('0.0%');
    expect(formatShare(0, 0)).toBe('0.0%');
  });
});

describe('linksOut', () => {
  it('searches each site for the title, quoted (without its own quotes) where the site takes a phrase', () => {
    expect(linksOut('Say "Hi" & Bye')).toEqual([
      { label: 'arXiv', name: 'Search arXiv for “Say "Hi" & Bye”', href: 'https://arxiv.org/search/?searchtype=title&query=%22Say%20Hi%20%26%20Bye%22' },
      { label: 'Hugging Face', name: 'Search Hugging Face papers for “Say "Hi" & Bye”', href: 'https://huggingface.co/papers?q=Say%20%22Hi%22%20%26%20Bye' },
      { label: 'Semantic Scholar', name: 'Search Semantic Scholar for “Say "Hi" & Bye”', href: 'https://www.semanticscholar.org/search?q=Say%20%22Hi%22%20%26%20Bye' },
      { label: 'Google Scholar', name: 'Search Google Scholar for “Say "Hi" & Bye”', href: 'https://scholar.google.com/scholar?q=%22Say%20Hi%20%26%20Bye%22' },
    ]);
  });
});

describe('markdown-text', () => {
  it('folds whitespace in text without escapes, and trims it', () => {
    expect(markdownText('  plain   text\n more ')).toBe('plain text more');
  });

  it('takes text without a backslash or ampersand as it is, Markdown-looking or not', () => {
    // The ingester escapes every special character, so such a body is the text itself.
    expect(markdownText('*a* _b_ [c](d)')).toBe('*a* _b_ [c](d)');
  });

  it('folds and trims whitespace in parsed text too', () => {
    expect(markdownText('a \\*   b')).toBe('a * b');
    expect(markdownText('&#32;x&#32;')).toBe('x');
  });

  it('reads escapes and character references back to text', () => {
    expect(markdownText('a \\* b')).toBe('a * b');
    expect(markdownText('fish &amp; chips')).toBe('fish & chips');
    expect(markdownText('a\\*\n   b  ')).toBe('a* b');
  });

  it('makes one escaped paragraph, or nothing', () => {
    expect(textToHtml('')).toBe('');
    expect(textToHtml('a<b')).toBe('<p>a&lt;b</p>');
  });

  it('splits front matter from the body', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody')).toEqual({ yaml: 'a: 1', body: 'body' });
    expect(splitFrontMatter('\uFEFF---\r\na: 1\r\n---\r\nbody')).toEqual({ yaml: 'a: 1', body: 'body' });
    expect(splitFrontMatter('---\na: 1\nb: 2\n--- \t\n')).toEqual({ yaml: 'a: 1\nb: 2', body: '' });
    expect(splitFrontMatter('---\na: 1\n---')).toEqual({ yaml: 'a: 1', body: '' });
    expect(splitFrontMatter('---\na: 1\n---x\n')).toBeUndefined();
    expect(splitFrontMatter('a: 1\n---\nbody')).toBeUndefined();
    expect(splitFrontMatter('x---\na: 1\n---\n')).toBeUndefined();
  });
});

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'paper')).toBe('paper');
    expect(plural(0, 'paper')).toBe('papers');
    expect(plural(2, 'child', 'children')).toBe('children');
    expect(countOf(1, 'day')).toBe('1 day');
    expect(countOf(3, 'child', 'children')).toBe('3 children');
    expect(countOf(1, 'child', 'children')).toBe('1 child');
  });
});

describe('queryWords', () => {
  it('splits into lowercase runs of letters and digits, accents kept', () => {
    expect(queryWords('Hello, Wörld! GPT-4o 3D')).toEqual(['hello', 'wörld', 'gpt', '4o', '3d']);
    expect(queryWords('a a')).toEqual(['a', 'a']);
    expect(queryWords('!!! —')).toEqual([]);
  });
});
