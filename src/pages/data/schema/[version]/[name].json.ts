// /data/schema/vN/<name>.json: the JSON Schema of each open-data record, generated from Zod.
import type { APIContext } from 'astro';
import { DATA_SCHEMA_VERSION } from '../../../../schema.ts';
import { DATA_SCHEMA_NAMES, dataJsonSchema, type DataSchemaName } from '../../../../open-data/data-schema.ts';
import { schemaVersionSegment } from '../../../../site/paths.ts';
import { siteOf } from '../../../../site/site-url.ts';

export function getStaticPaths() {
  return DATA_SCHEMA_NAMES.map((name) => ({ params: { version: schemaVersionSegment(DATA_SCHEMA_VERSION), name } }));
}

export function GET(context: APIContext) {
  const site = siteOf(context);
  const schema = dataJsonSchema(context.params.name as DataSchemaName, site);
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
}
