// The open data's JSON Schemas, generated from the Zod schemas of src/schema.ts (never
// written by hand): each published at /data/schema/vN/<name>.json with that URL as its $id.
import { z } from 'astro/zod';
import { DATA_SCHEMA_VERSION, dataIndexSchema, dayRecordSchema, paperRecordSchema } from '../schema.ts';
import { absoluteUrl, dataSchemaPath } from '../site/paths.ts';

/** Every published record kind, by the name its schema file has. */
export const DATA_SCHEMAS = {
  paper: { schema: paperRecordSchema, title: 'A paper of the Daily Papers Archive (a line of papers.ndjson)' },
  day: { schema: dayRecordSchema, title: 'A day of the Daily Papers Archive (data/days/YYYY-MM-DD.json)' },
  index: { schema: dataIndexSchema, title: 'The catalogue of the Daily Papers Archive open data (data/index.json)' },
} as const;

export type DataSchemaName = keyof typeof DATA_SCHEMAS;
export const DATA_SCHEMA_NAMES = Object.keys(DATA_SCHEMAS) as DataSchemaName[];

/** The JSON Schema (draft 2020-12) of a Zod object schema, with its $id and title. */
export function toDataJsonSchema(schema: z.ZodType, id: string, title: string): Record<string, unknown> {
  // `io: 'input'` describes what a record may hold: objects stay open (no
  // additionalProperties: false), so a consumer's copy of v1 accepts a record that gained a
  // field, as the versioning rule promises. Our schemas have no transforms: both sides agree.
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
  return { $schema, $id: id, title, ...rest };
}

/** The published JSON Schema of one record kind, its $id absolute on `site`. */
export function dataJsonSchema(name: DataSchemaName, site: URL | string): Record<string, unknown> {
  const { schema, title } = DATA_SCHEMAS[name];
  return toDataJsonSchema(schema, absoluteUrl(dataSchemaPath(name, DATA_SCHEMA_VERSION), site), title);
}
