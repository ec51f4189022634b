// CLI: write N consecutive synthetic daily dumps in the raw format (see scripts/synth/dump.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dayDate, synthSeries } from './synth/dump.ts';

const USAGE = `usage: npm run synth -- --days N --out DIR [--seed N] [--start YYYY-MM-DD | --end YYYY-MM-DD] [--quiet]
  Writes DIR/daily-papers-YYYY-MM-DD.txt for N consecutive days (default start 2023-05-04).`;

export const DEFAULT_START = '2023-05-04';

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        days: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        start: { type: 'string' },
        end: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const days = Number(values.days);
  const seed = Number(values.seed);
  if (!Number.isInteger(days) || days < 1 || !values.out || !Number.isInteger(seed)) {
    console.error(USAGE);
    return 2;
  }
  if (values.start && values.end) {
    console.error('give --start or --end, not both');
    return 2;
  }
  let start = values.start ?? DEFAULT_START;
  try {
    if (values.end) start = dayDate(values.end, -(days - 1));
    dayDate(start, 0);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const t0 = performance.now();
  mkdirSync(values.out, { recursive: true });
  const series = synthSeries({ seed, start });
  let bytes = 0;
  let entries = 0;
  for (let i = 0; i < days; i++) {
    const day = series.day(i);
    writeFileSync(path.join(values.out, day.fileName), day.text);
    bytes += Buffer.byteLength(day.text);
    entries += day.entries.length;
  }
  if (!values.quiet) {
    const last = dayDate(start, days - 1);
    console.log(
      `wrote ${days} dumps (${start} … ${last}), ${entries} entries, ${(bytes / 1e6).toFixed(1)} MB to ${values.out} in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    );
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
