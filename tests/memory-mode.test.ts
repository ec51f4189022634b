import { describe, expect, it } from 'vitest';
import { BULK_DUMPS, favoursMemory } from '../scripts/lib/memory-mode.ts';

describe('memory mode of an ingest', () => {
  it('favours memory for a bulk backfill, not for a daily ingest', () => {
    expect(favoursMemory(1)).toBe(false);
    expect(favoursMemory(BULK_DUMPS - 1)).toBe(false);
    expect(favoursMemory(BULK_DUMPS)).toBe(true);
    expect(favoursMemory(3000)).toBe(true);
  });
});
