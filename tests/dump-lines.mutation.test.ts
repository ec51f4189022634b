// A dump's bytes as lines (scripts/ingest/utf8.ts, dump-lines.ts): where the first bad byte
// or control character is, byte by byte at the edges of UTF-8's rules.
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../scripts/ingest/utf8.ts';
import { dumpLines } from '../scripts/ingest/dump-lines.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('decodeUtf8', () => {
  it('decodes well-formed text', () => {
    expect(decodeUtf8(bytes(0x68, 0xc3, 0xa9))).toEqual({ ok: true, text: 'hé' });
  });

  it('counts lines by line feeds only and columns in bytes from the line start', () => {
    expect(decodeUtf8(bytes(0x41, 0x80))).toEqual({ ok: false, line: 1, column: 2 });
    // "A\nB" then 0xFF: line 2, the second byte of that line.
    expect(decodeUtf8(bytes(0x41, 0x0a, 0x42, 0xff))).toEqual({ ok: false, line: 2, column: 2 });
    expect(decodeUtf8(bytes(0x0a, 0x0a, 0xc0, 0x80))).toEqual({ ok: false, line: 3, column: 1 });
    // A carriage return is no line break here; "é" counts two bytes.
    expect(decodeUtf8(bytes(0x0d, 0xc3, 0xa9, 0xfe))).toEqual({ ok: false, line: 1, column: 4 });
  });

  // Each case: bytes, then the offset of the first invalid byte (column = offset + 1).
  const cases: [string, number[], number][] = [
    ['DEL is ASCII', [0x7f, 0xff], 1],
    ['a lone continuation byte', [0x80], 0],
    ['C1 (overlong two bytes)', [0xc1, 0xbf], 0],
    ['C2 80, the first two-byte sequence', [0xc2, 0x80, 0xff], 2],
    ['DF BF, the last two-byte sequence', [0xdf, 0xbf, 0xff], 2],
    ['a two-byte lead before ASCII', [0xc3, 0x7f], 0],
    ['a two-byte lead before a lead', [0xc3, 0xc0], 0],
    ['E0 A0 80, the first three-byte sequence', [0xe0, 0xa0, 0x80, 0xff], 3],
    ['E0 9F (overlong three bytes)', [0xe0, 0x9f, 0x80], 0],
    ['ED 9F BF, the last before the surrogates', [0xed, 0x9f, 0xbf, 0xff], 3],
    ['ED A0 (a surrogate)', [0xed, 0xa0, 0x80], 0],
    ['EF BF BF, the last three-byte sequence', [0xef, 0xbf, 0xbf, 0xff], 3],
    ['E2 82 then ASCII', [0xe2, 0x82, 0x41], 0],
    ['E2 82 then a lead', [0xe2, 0x82, 0xc0], 0],
    ['a sequence cut by the end', [0x41, 0xe2, 0x82], 1],
    ['F0 90 80 80, the first four-byte sequence', [0xf0, 0x90, 0x80, 0x80, 0xff], 4],
    ['F0 8F (overlong four bytes)', [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ['F4 8F BF BF, the last code point', [0xf4, 0x8f, 0xbf, 0xbf, 0xff], 4],
    ['F4 90 (beyond U+10FFFF)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5, never a lead', [0xf5, 0x80, 0x80, 0x80], 0],
    ['F1 80 80 then ASCII', [0xf1, 0x80, 0x80, 0x41], 0],
  ];
  it.each(cases)('%s', (_, input, at) => {
    expect(decodeUtf8(bytes(...input))).toEqual({ ok: false, line: 1, column: at + 1 });
  });
});

describe('dumpLines', () => {
  it('breaks lines at LF, CRLF, CR, U+2028 and U+2029', () => {
    expect(dumpLines('a\r\nb\rc\nd\u2028e\u2029f')).toEqual({ ok: true, lines: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(dumpLines('a\n\nb')).toEqual({ ok: true, lines: ['a', '', 'b'] });
  });

  it('drops a byte order mark at the start only', () => {
    expect(dumpLines('\uFEFFTitle')).toEqual({ ok: true, lines: ['Title'] });
    expect(dumpLines(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ ok: true, lines: ['A'] });
  });

  it('makes copied fixed-width spaces plain spaces, leaving zero-width ones', () => {
    const odd = '\u00A0\u2000\u2005\u200A\u202F\u205F\u3000';
    expect(dumpLines(`a${odd}b`)).toEqual({ ok: true, lines: [`a${' '.repeat(7)}b`] });
    expect(dumpLines('a\u200Bb\tc')).toEqual({ ok: true, lines: ['a\u200Bb\tc'] });
  });

  it('refuses invalid UTF-8, located', () => {
    expect(dumpLines(bytes(0x41, 0x0a, 0xff))).toEqual({ ok: false, line: 2, column: 1, message: 'invalid UTF-8 (not a text dump)' });
  });

  it('names the control characters a dump cannot hold, with their line and column', () => {
    const tail = ': not text copied from a page';
    expect(dumpLines('ok\nab\u0000c')).toEqual({ ok: false, line: 2, column: 3, message: `control character U+0000 (NUL (binary data, not text))${tail}` });
    expect(dumpLines('\u001b[1m')).toEqual({ ok: false, line: 1, column: 1, message: `control character U+001B (ESC (a terminal escape code))${tail}` });
    expect(dumpLines('a\u000c')).toEqual({ ok: false, line: 1, column: 2, message: `control character U+000C (form feed)${tail}` });
    expect(dumpLines('a\u000b')).toEqual({ ok: false, line: 1, column: 2, message: `control character U+000B (vertical tab)${tail}` });
    expect(dumpLines('\u0007')).toEqual({ ok: false, line: 1, column: 1, message: `control character U+0007${tail}` });
  });

  it('allows tab, and draws the control ranges at their edges', () => {
    for (const c of ['\u0008', '\u000e', '\u001f', '\u007f', '\u0080', '\u009f']) {
      const hex = c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
      expect(dumpLines(`x${c}`)).toEqual({ ok: false, line: 1, column: 2, message: `control character U+${hex}: not text copied from a page` });
    }
    for (const c of ['\t', ' ', '~', '\u00a1']) expect(dumpLines(`x${c}`)).toEqual({ ok: true, lines: [`x${c}`] });
  });
});
