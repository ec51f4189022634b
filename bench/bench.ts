// Benchmark CLI: for each archive size, generate dumps, then time ingest, the full build and
// its phases (content sync, bundling, rendering, indexing), the pages and the index alone,
// a daily update, the output's weight, and search in Chromium; beside it, where `hugo` is
// installed, Hugo + the Pagefind CLI on the same content. Prints a Markdown table and
// writes the figures as JSON. The pieces: bench/lib/{project,size,table,search,site}.ts.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './lib/machine.ts';
import { ROOT } from './lib/project.ts';
import { benchSize, log, STEPS, type SizeFigures, type Step } from './lib/size.ts';
import { table } from './lib/table.ts';

const SEED = 20230504;
const START = '2023-05-04';
const USAGE =
  'usage: npm run bench -- [--sizes 100,1000,3000] [--runs 3] [--only ' + STEPS.join(',') + ']\n' +
  '                        [--json FILE] [--keep] [--cold-update] [--no-hugo] [--against REV[,REV…]]\n' +
  '                        [--queries w1,w2] [--seed N] [--orgs SHARE,COUNT] [--verbose]';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,3000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    json: { type: 'string', default: path.join(ROOT, 'bench/results/latest.json') },
    keep: { type: 'boolean', default: false },
    'cold-update': { type: 'boolean', default: false },
    'no-hugo': { type: 'boolean', default: false },
    against: { type: 'string' },
    queries: { type: 'string', default: 'gradient,calibration' },
    orgs: { type: 'string' },
    seed: { type: 'string', default: String(SEED) },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const only = new Set<Step>((values.only ? values.only.split(',') : STEPS) as Step[]);
const queries = values.queries.split(',') as [string, string];
const seed = Number(values.seed);
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
// Papers under an organisation: a share and how many organisations (e.g. 0.33,700, as real listings).
const orgs = values.orgs?.split(',').map(Number);
if (orgs && (orgs.length !== 2 || !(orgs[0] >= 0 && orgs[0] <= 1) || !Number.isInteger(orgs[1]) || orgs[1] < 1)) fail(USAGE);
for (const s of only) if (!STEPS.includes(s)) fail(`unknown step ${s}; steps: ${STEPS.join(',')}`);
if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(runs) || runs < 1 || queries.length !== 2) fail(USAGE);

// The builds of a run take turns going first, and on this machine the first build after the
// ingest takes 10–20 % longer whatever its code: only a multiple of that many runs puts each
// build in each place equally often.
const against = values.against?.split(',') ?? [];
const builds = 1 + against.length;
if (builds > 1 && runs % builds !== 0) {
  console.warn(`[bench] ${runs} run(s) for ${builds} builds: some builds go first more often than others, and the first place is the slower one. Use a multiple of ${builds} runs for a fair ratio.`);
}

const m = machine();
const all: SizeFigures[] = [];
for (const days of sizes) {
  try {
    all.push(
      await benchSize(days, {
        runs, only, queries, seed, start: START, ...(orgs ? { organizations: { share: orgs[0], count: orgs[1] } } : {}),
        verbose: values.verbose, keep: values.keep, coldUpdate: values['cold-update'], hugo: !values['no-hugo'], against,
      }),
    );
  } catch (e) {
    log(`N=${days} aborted: ${(e as Error).stack}`);
  }
}
const report = { date: new Date().toISOString(), machine: m, options: { sizes, runs, only: [...only], queries, seed, start: START, against }, sizes: all };
mkdirSync(path.dirname(values.json), { recursive: true });
writeFileSync(values.json, JSON.stringify(report, null, 2) + '\n');
if (!values.keep) for (const s of all) rmSync(s.tempDir, { recursive: true, force: true });
console.log(table(m, all, runs, queries));
console.log(`\nFigures: ${values.json}${values.keep ? `; temp folders kept: ${all.map((s) => s.tempDir).join(', ')}` : ''}`);
