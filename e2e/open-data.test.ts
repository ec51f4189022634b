// The open data of both fixture builds, read as a consumer would: every file valid against
// the JSON Schemas the build publishes (ajv, draft 2020-12, formats checked), complete, equal to
// the content files (read here independently with gray-matter), CSV read back by a real CSV
// parser, and every URL absolute, under the base, and pointing at a built file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import matter from 'gray-matter';
import { toString } from 'mdast-util-to-string';
import { remark } from 'remark';
import { describe, expect, inject, it } from 'vitest';
import { FIXTURE_CONTENT } from './build-site.ts';
import { fileForPath } from './collect-links.ts';

type Json = Record<string, any>;

// The fixture content, read without the site's code.
const read = (dir: string) =>
  readdirSync(path.join(FIXTURE_CONTENT, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ id: f.slice(0, -3), ...matter(readFileSync(path.join(FIXTURE_CONTENT, dir, f), 'utf8')) }));
const days = read('days').sort((a, b) => (a.id < b.id ? -1 : 1));
const papers = new Map(read('papers').map((p) => [p.id, p]));
const abstractOf = (slug: string) => toString(remark().parse(papers.get(slug)!.content.trim())).replace(/\s+/g, ' ').trim();

/** Newest first: by the day a paper was first listed (newest day first), then listed order. */
function newestFirst(): string[] {
  const seen = new Set<string>();
  const firstListed = days.map((d) => (d.data.papers as string[]).filter((s) => !seen.has(s) && seen.add(s)));
  return firstListed.reverse().flat();
}

for (const name of ['rootSite', 'baseSite'] as const) {
  describe(`open data of the ${name} build`, () => {
    const site = inject(name);
    const root = `${site.siteUrl}${site.base}`;
    const file = (rel: string) => readFileSync(path.join(site.dir, 'data', rel), 'utf8');
    const json = (rel: string) => JSON.parse(file(rel));

    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const schemas = Object.fromEntries(['paper', 'day', 'index'].map((n) => [n, json(`schema/v1/${n}.json`)]));
    for (const s of Object.values(schemas)) ajv.addSchema(s);
    const valid = (kind: string, value: unknown): string[] => {
      const validate = ajv.getSchema(schemas[kind].$id)!;
      return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    };
    const records: Json[] = file('papers.ndjson').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const bySlug = new Map(records.map((r) => [r.slug, r]));

    /** An absolute URL under this build's base whose file was built. */
    const expectBuilt = (url: string) => {
      expect(url.startsWith(root), url).toBe(true);
      const target = fileForPath(new URL(url).pathname, site.base);
      expect(target && existsSync(path.join(site.dir, target)), url).toBe(true);
    };

    it('publishes each JSON Schema at its own $id, versioned', () => {
      for (const [n, s] of Object.entries(schemas)) {
        expect(s.$id).toBe(`${root}data/schema/v1/${n}.json`);
        expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expectBuilt(s.$id);
      }
    });

    it('papers.ndjson: every fixture paper exactly once, newest first, each record valid', () => {
      expect(file('papers.ndjson').endsWith('}\n')).toBe(true);
      expect(records.map((r) => r.slug)).toEqual(newestFirst());
      expect(new Set(records.map((r) => r.slug))).toEqual(new Set(papers.keys()));
      for (const r of records) expect(valid('paper', r), r.slug).toEqual([]);
    });

    it('records hold the front matter as written, the whole abstract and absolute URLs', () => {
      for (const r of records) {
        const source = papers.get(r.slug)!;
        expect(Object.keys(r), r.slug).toEqual(Object.keys(schemas.paper.properties));
        for (const [key, value] of Object.entries(source.data)) expect(r[key], `${r.slug}.${key}`).toEqual(value);
        expect(r.schemaVersion).toBe(1);
        expect(r.abstract, r.slug).toBe(abstractOf(r.slug));
        expect(r.url).toBe(`${root}papers/${r.slug}/`);
        expect(r.dayUrls).toEqual(r.days.map((d: string) => `${root}days/${d}/`));
        for (const url of [r.url, ...r.dayUrls]) expectBuilt(url);
      }
      // Markdown escapes are gone from the text; hostile text stays text.
      expect(bySlug.get('escaped-markdown-abstract')!.abstract).not.toContain('\\');
      expect(bySlug.get('script-alert-title')!.title).toBe('<script>alert(1)</script>');
    });

    it('days/YYYY-MM-DD.json: one per day, its papers in listed order as whole records', () => {
      expect(readdirSync(path.join(site.dir, 'data/days')).sort()).toEqual(days.map((d) => `${d.id}.json`));
      for (const day of days) {
        const data = json(`days/${day.id}.json`);
        expect(valid('day', data), day.id).toEqual([]);
        expect(data).toMatchObject({ schemaVersion: 1, date: day.id, url: `${root}days/${day.id}/` });
        expectBuilt(data.url);
        expect(data.papers.map((p: Json) => p.slug)).toEqual(day.data.papers);
        for (const p of data.papers) expect(p).toEqual(bySlug.get(p.slug));
      }
    });

    it('index.json: the files, the schemas and every day with its count and data file', () => {
      const index = json('index.json');
      expect(valid('index', index)).toEqual([]);
      expect(index.latest).toBe(days.at(-1)!.id);
      expect(index.papers).toBe(papers.size);
      expect(index.days).toEqual(days.map((d) => ({ date: d.id, papers: d.data.papers.length, url: `${root}data/days/${d.id}.json` })));
      expect(index.files).toEqual({ ndjson: `${root}data/papers.ndjson`, csv: `${root}data/papers.csv` });
      for (const url of [...Object.values<string>(index.files), ...Object.values<string>(index.schemas), ...index.days.map((d: Json) => d.url)]) expectBuilt(url);
    });

    it('papers.csv: RFC 4180 read back by csv-parse, one row per paper, equal to the records', () => {
      const text = file('papers.csv');
      expect(text.split('\r\n').length).toBe(papers.size + 2); // header, rows, the final CRLF
      const rows: Json[] = parse(text, { columns: true });
      const columns = Object.keys(schemas.paper.properties).filter((c) => c !== 'schemaVersion');
      expect(Object.keys(rows[0])).toEqual(columns);
      expect(rows.map((r) => r.slug)).toEqual(records.map((r) => r.slug));
      for (const row of rows) {
        const r = bySlug.get(row.slug)!;
        for (const c of columns) {
          const v = r[c];
          expect(row[c], `${row.slug}.${c}`).toBe(v === null ? '' : Array.isArray(v) ? v.join(' ') : String(v));
        }
      }
      // Titles with a comma and with quotes went through quoting.
      expect(rows.find((r) => r.slug === 'fish-and-chips')!.title).toBe('Fish & "Chips"');
      expect(text).toContain('"Fish & ""Chips"""');
      expect(rows.find((r) => r.slug === 'escaped-markdown-abstract')!.title).toBe('Escaped Markdown: Stars, Underscores and Links');
    });

    it('the /data/ page links every file, and names every field of the schema', () => {
      const html = readFileSync(path.join(site.dir, 'data/index.html'), 'utf8');
      for (const href of ['papers.ndjson', 'papers.csv', 'index.json', 'schema/v1/paper.json', `days/${days.at(-1)!.id}.json`])
        expect(html).toContain(`href="${site.base}data/${href}"`);
      for (const field of Object.keys(schemas.paper.properties)) expect(html).toMatch(new RegExp(`<td[^>]*><code[^>]*>${field}</code>`));
      const home = readFileSync(path.join(site.dir, 'index.html'), 'utf8');
      expect(home).toContain(`href="${site.base}data/"`);
    });
  });
}
