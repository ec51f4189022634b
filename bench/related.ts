// Times the related-papers computation alone (src/related/related-papers.ts) on a content root,
// outside Astro: cold (no cache: every paper file read and tokenised) or warm (term counts
// from the cache of an earlier run). With --compare, counts the papers of the first archive
// whose related list differs in the second (e.g. the same archive plus one day). Run it under
// `/usr/bin/time -v` for peak memory.
//   node bench/related.ts --content DIR --cache DIR [--cold] [--compare DIR2]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { computeRelated, type PaperInput } from '../src/related/related-papers.ts';
import { parseContentFile } from '../src/archive/content-file.ts';
import { paperSchema } from '../src/schema.ts';
import { CONTENT_DIR_ENV, contentPaths } from '../src/content-dir.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    cache: { type: 'string' },
    cold: { type: 'boolean', default: false },
    compare: { type: 'string' },
  },
});
if (!values.content || !values.cache) {
  console.error('usage: node bench/related.ts --content DIR --cache DIR [--cold] [--compare DIR2]');
  process.exit(2);
}

/** Titles and digests, as the content index gives them to a build (not timed: a build has them). */
function papersOf(content: string): PaperInput[] {
  const dir = contentPaths(content).papers;
  return fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort().map((name) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const file = parseContentFile(text, name, paperSchema);
    if (!file.ok) throw new Error(file.problems.join('\n'));
    const data = file.value;
    return { id: name.slice(0, -3), data: { title: data.title, days: data.days }, digest: createHash('sha256').update(text).digest('hex') };
  });
}

/** Each paper's related list as its page shows it: slugs and titles. */
function run(content: string, cache: string): Map<string, string> {
  process.env[CONTENT_DIR_ENV] = content;
  const papers = papersOf(content);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const related = computeRelated(papers, { dir: cache });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sizes = [...related.values()].map((l) => l.length);
  console.log(`${content}: ${papers.length} papers, related computed in ${Math.round(ms)} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms); ${sizes.filter((s) => s === 5).length} with 5, ${sizes.filter((s) => s === 0).length} with none`);
  const titles = new Map(papers.map((p) => [p.id, p.data.title]));
  return new Map([...related].map(([id, list]) => [id, JSON.stringify(list.map((s) => [s, titles.get(s)]))]));
}

if (values.cold) fs.rmSync(values.cache, { recursive: true, force: true });
const first = run(values.content, values.cache);
if (values.compare) {
  // A separate cache: the second archive's papers are mostly the same files, found by digest.
  const second = run(values.compare, `${values.cache}-compare`);
  const changed = [...first.keys()].filter((id) => first.get(id) !== second.get(id));
  const entered = changed.filter((id) => (JSON.parse(second.get(id)!) as [string][]).some(([s]) => !first.has(s)));
  console.log(`${changed.length} of ${first.size} papers changed their related list (${entered.length} of them gained a new paper)`);
}
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
