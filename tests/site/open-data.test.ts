// The open data's pure parts: JSON Schemas generated from the Zod schemas (a field added to
// Zod shows up), records built by the schema's own keys, CSV that a real parser reads back,
// and the streamed body.
import { parse } from 'csv-parse/sync';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { DATA_SCHEMA_VERSION, paperRecordSchema, paperSchema } from '../../src/schema.ts';
import { csvCells, csvColumns, dayRecord, paperRecord, papersNewestFirst, PAPER_RECORD_FIELDS } from '../../src/open-data/data-records.ts';
import { dataJsonSchema, toDataJsonSchema } from '../../src/open-data/data-schema.ts';
import type { Paper } from '../../src/archive/load-archive.ts';
import { csvPieces, dayFileText, ndjsonPieces, recordsOf } from '../../src/open-data/open-data.ts';
import { schemaFields, typeInWords } from '../../src/open-data/schema-fields.ts';

const SITE = 'https://example.org';
const AT = { site: SITE };
type Json = Record<string, any>;

/** The day file's record built whole, the slow way: the oracle for dayFileText's joined text. */
const dayFile = (date: string, papers: readonly Paper[], at: typeof AT, abstractOf: (p: Paper) => string) =>
  dayRecord(date, papers.map((p) => paperRecord(p, abstractOf(p), at)), at);

function paper(id: string, data: Partial<Paper['data']> = {}): Paper {
  return {
    id,
    data: { title: id, authors: 2, organization: null, published: '2025-01-01', comments: null, days: ['2025-01-02'], excerpt: 'cut…', ...data },
  };
}

describe('generated JSON Schemas', () => {
  it('name every field of the content schema, required, with the description Zod gives it', () => {
    const json = dataJsonSchema('paper', SITE) as Json;
    for (const [name, field] of Object.entries(paperSchema.shape)) {
      expect(json.properties[name], name).toBeDefined();
      expect(json.required).toContain(name);
      expect(json.properties[name].description).toBe(field.description);
      expect(field.description, `${name} needs a description`).toBeTruthy();
    }
    expect(Object.keys(json.properties)).toEqual(Object.keys(paperRecordSchema.shape));
  });

  it('follow a field added to the Zod schema', () => {
    const extended = paperRecordSchema.extend({ arxivId: z.string().nullable().describe('arXiv id, when known.') });
    const json = toDataJsonSchema(extended, 'https://example.org/x.json', 'x') as Json;
    expect(json.properties.arxivId.description).toBe('arXiv id, when known.');
    expect(typeInWords(json.properties.arxivId)).toBe('string or null');
    expect(json.required).toContain('arxivId');
    // …and so does every file: records take their fields by the schema's keys.
    const fields = Object.keys(extended.shape);
    const p = paper('a');
    (p.data as Json).arxivId = '2501.00001';
    expect(paperRecord(p, 'Abstract.', AT, fields)).toMatchObject({ arxivId: '2501.00001' });
    expect(csvColumns(fields)).toContain('arxivId');
  });

  it('carry the version in $id and as a constant, and stay open to added fields', () => {
    const json = dataJsonSchema('day', SITE) as Json;
    expect(json.$id).toBe(`${SITE}/data/schema/v${DATA_SCHEMA_VERSION}/day.json`);
    expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(json.properties.schemaVersion.const).toBe(DATA_SCHEMA_VERSION);
    expect(json.additionalProperties).toBeUndefined();
    expect(json.properties.papers.items.additionalProperties).toBeUndefined();
  });

  it('say what the day refinement checks (a pattern and a format)', () => {
    const json = dataJsonSchema('paper', SITE) as Json;
    expect(json.properties.days.items).toMatchObject({ type: 'string', format: 'date' });
    expect(new RegExp(json.properties.days.items.pattern).test('2025-01-02')).toBe(true);
    expect(new RegExp(json.properties.days.items.pattern).test('2025-1-2')).toBe(false);
  });
});

describe('schemaFields', () => {
  it('describes types in words, from the generated schema', () => {
    const fields = new Map(schemaFields(dataJsonSchema('paper', SITE)).map((f) => [f.name, f]));
    expect(fields.get('authors')!.type).toBe('integer or null');
    expect(fields.get('days')!.type).toBe('list of string (date)');
    expect(fields.get('schemaVersion')!.type).toBe(`${DATA_SCHEMA_VERSION} (constant)`);
    expect(fields.get('url')!.description).toBe(paperRecordSchema.shape.url.description);
    expect(typeInWords({ type: ['string', 'null'] })).toBe('string or null');
  });
});

describe('records', () => {
  it('hold the record fields only, in schema order, with absolute URLs, and validate', () => {
    const p = paper('a', { days: ['2025-01-02', '2025-01-09'] });
    const r = paperRecord(p, 'Whole abstract.', { site: 'https://example.org/archive/' });
    expect(Object.keys(r)).toEqual(PAPER_RECORD_FIELDS);
    expect(r).not.toHaveProperty('excerpt');
    expect(r.url).toBe('https://example.org/papers/a/'); // paths.ts base is `/` here; absolute on the site's origin
    expect(r.dayUrls).toEqual(['https://example.org/days/2025-01-02/', 'https://example.org/days/2025-01-09/']);
    expect(paperRecordSchema.parse(r)).toEqual(r);
    // A base given (the open-data step's, outside Vite) is the one the URLs take.
    const under = paperRecord(p, 'Whole abstract.', { site: 'https://example.org', base: '/archive' });
    expect(under.url).toBe('https://example.org/archive/papers/a/');
    expect(under.dayUrls[0]).toBe('https://example.org/archive/days/2025-01-02/');
  });

  it('list every paper once, newest first, then papers no day lists', () => {
    const archive = { newestFirst: ['b', 'a'], paperBySlug: new Map(['a', 'z', 'b', 'y'].map((s) => [s, paper(s)])) };
    expect(papersNewestFirst(archive).map((p) => p.id)).toEqual(['b', 'a', 'y', 'z']);
  });
});

describe('papers.csv and papers.ndjson', () => {
  const titles = ['Plain', 'Commas, here', 'Quotes "inside" it', 'Line\nbreak', 'Carriage\r\nreturn', ' Leading space', '=1+1', 'Ünïcödé — “curly”'];
  const archive = {
    newestFirst: titles.map((_, i) => `p${i}`),
    paperBySlug: new Map(titles.map((t, i) => [`p${i}`, paper(`p${i}`, { title: t, organization: i % 2 ? 'Org, Inc.' : null, authors: i % 2 ? null : i })])),
  };
  const abstractOf = (p: Paper) => `Abstract of "${p.data.title}", with a comma.`;

  const ndjson = (batch?: number, abstract = abstractOf) => [...ndjsonPieces(papersNewestFirst(archive), recordsOf(AT, abstract), batch)];
  const csv = (batch?: number, abstract = abstractOf) => [...csvPieces(papersNewestFirst(archive), recordsOf(AT, abstract), { batch })];

  it('CSV: a real parser reads back every title and field (RFC 4180, CRLF)', () => {
    const text = csv().join('');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows: string[][] = parse(text, { relax_column_count: false });
    expect(rows[0]).toEqual(csvColumns());
    expect(rows.slice(1).map((r) => r[rows[0].indexOf('title')])).toEqual(titles);
    const records = ndjson(1).map((l) => JSON.parse(l));
    expect(rows.slice(1)).toEqual(records.map((r) => csvCells(r)));
    // RFC 4180 quotes a field holding CR or LF (a lenient parser would read it back either way).
    for (const t of titles.filter((t) => /[\r\n,"]/.test(t))) expect(text).toContain(`,"${t.replaceAll('"', '""')}",`);
    const org = rows[0].indexOf('organization');
    expect(rows.slice(1).map((r) => r[org])).toEqual(titles.map((_, i) => (i % 2 ? 'Org, Inc.' : '')));
  });

  it('NDJSON and CSV: one record a line (a row), each valid, the same text whatever the batch', () => {
    const lines = ndjson(1);
    expect(lines).toHaveLength(titles.length);
    const rows = csv(1);
    expect(rows).toHaveLength(titles.length + 1);
    for (const batch of [2, 3, 8, 100]) {
      const pieces = ndjson(batch);
      expect(pieces).toHaveLength(Math.ceil(titles.length / batch));
      expect(pieces.join('')).toBe(lines.join(''));
      expect(csv(batch).join('')).toBe(rows.join(''));
    }
    for (const line of lines) {
      expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
      paperRecordSchema.parse(JSON.parse(line));
    }
  });

  it('a day file: its text is the JSON of its record, from the papers\' JSON made once each', () => {
    const papers = [...archive.paperBySlug.values()];
    let made = 0;
    const recordOf = recordsOf(AT, (p) => (made++, abstractOf(p)));
    for (const list of [papers, papers.slice(2, 3), []]) {
      const text = dayFileText('2025-01-02', list, AT, recordOf);
      expect(text).toBe(`${JSON.stringify(dayFile('2025-01-02', list, AT, abstractOf))}\n`);
    }
    [...ndjsonPieces(papersNewestFirst(archive), recordOf)];
    [...csvPieces(papersNewestFirst(archive), recordOf)];
    expect(made).toBe(papers.length);
  });

  it('a failing record fails the files, not a piece short', () => {
    const failing = (p: Paper) => {
      if (p.id === 'p3') throw new Error('unreadable abstract');
      return 'ok';
    };
    expect(() => ndjson(2, failing)).toThrow('unreadable abstract');
    expect(() => csv(2, failing)).toThrow('unreadable abstract');
  });
});
