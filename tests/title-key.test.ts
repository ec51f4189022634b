import { describe, expect, it } from 'vitest';
import { titleKey } from '../scripts/ingest/title-key.ts';

describe('titleKey', () => {
  it('treats NFC and NFD spellings as one title', () => {
    const nfc = 'Caf\u00e9 Models';
    const nfd = 'Cafe\u0301 Models';
    expect(nfc).not.toBe(nfd);
    expect(titleKey(nfd)).toBe(titleKey(nfc));
  });
  it('ignores invisible characters and folds whitespace (including no-break spaces)', () => {
    expect(titleKey('Deep\u200B Learning\u00A0 at\u00AD Scale\u2060')).toBe('Deep Learning at Scale');
  });
  it('keeps titles that differ visibly apart', () => {
    expect(titleKey('Gemma 3')).not.toBe(titleKey('Gemma 2'));
    expect(titleKey('gemma 3')).not.toBe(titleKey('Gemma 3'));
  });
});
