// A dump's bytes as lines of text, with the artefacts of copying from a browser undone:
// any line ending (LF, CRLF, CR alone, U+2028/2029) is a line break, and no-break or
// narrow spaces are spaces. What no copy of a page contains is refused, named exactly.
import { decodeUtf8 } from './utf8.ts';

export type Lines = { ok: true; lines: string[] } | { ok: false; line: number; column: number; message: string };

// No-break, figure, narrow no-break and other fixed-width spaces a browser copies.
const ODD_SPACES = /[\u00A0\u2000-\u200A\u2007\u202F\u205F\u3000]/g;
// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const NAMES: Record<number, string> = { 0: 'NUL (binary data, not text)', 0x1b: 'ESC (a terminal escape code)', 0x0c: 'form feed', 0x0b: 'vertical tab' };

/** Decodes and splits a dump; the first problem found is located by line and column. */
export function dumpLines(input: string | Uint8Array): Lines {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return { ok: false, line: decoded.line, column: decoded.column, message: 'invalid UTF-8 (not a text dump)' };
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  for (let i = 0; i < lines.length; i++) {
    const bad = lines[i].search(CONTROL);
    if (bad >= 0) {
      const code = lines[i].charCodeAt(bad);
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return { ok: false, line: i + 1, column: bad + 1, message: `control character U+${hex}${NAMES[code] ? ` (${NAMES[code]})` : ''}: not text copied from a page` };
    }
    lines[i] = lines[i].replace(ODD_SPACES, ' ');
  }
  return { ok: true, lines };
}
