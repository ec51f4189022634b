import { describe, expect, it } from 'vitest';
import { BULK_DUMPS, ingestFavoursMemory } from '../src/favour-memory.ts';

describe('which ingest favours memory', () => {
  it('a bulk backfill does, a daily ingest does not', () => {
    expect(ingestFavoursMemory(1, false)).toBe(false);
    expect(ingestFavoursMemory(BULK_DUMPS - 1, false)).toBe(false);
    expect(ingestFavoursMemory(BULK_DUMPS, false)).toBe(true);
  });

  it('every ingest does when ARCHIVE_LOW_MEMORY is set', () => {
    expect(ingestFavoursMemory(1, true)).toBe(true);
  });
});
