// Day formatting is the same in every time zone: it never shifts a day.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dayToDate } from '../../src/format/dates.ts';
import { formatDay, formatMonth } from '../../src/format/format-day.ts';

describe('formatDay', () => {
  it('formats ids as US English dates, in UTC', () => {
    expect(formatDay('2025-01-01')).toBe('January 1, 2025');
    expect(formatDay('2024-12-31')).toBe('December 31, 2024');
    expect(formatDay('2024-02-29')).toBe('February 29, 2024');
    expect(formatMonth('2025-01')).toBe('January 2025');
    expect(formatMonth('2024-12-31')).toBe('December 2024');
  });

  it('gives midnight UTC', () => {
    expect(dayToDate('2025-01-01').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(dayToDate('2024-12-31').toUTCString()).toBe('Tue, 31 Dec 2024 00:00:00 GMT');
  });

  it('does not depend on the process time zone', () => {
    // A fresh Node per zone: Intl reads TZ once per process.
    const script = `import { formatDay, formatMonth } from './src/format/format-day.ts'; import { dayToDate } from './src/format/dates.ts';
      console.log([formatDay('2025-01-01'), formatDay('2024-12-31'), formatMonth('2025-01'), dayToDate('2025-01-01').toISOString()].join('|'));`;
    for (const TZ of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ } });
      expect(out.toString().trim(), TZ).toBe('January 1, 2025|December 31, 2024|January 2025|2025-01-01T00:00:00.000Z');
    }
  });
});
