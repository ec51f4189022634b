// JSON Feed 1.1 validation with ajv against the schema written from the spec
// (tests/fixtures/json-feed-1.1.schema.json), for the unit and end-to-end tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export const JSON_FEED_SCHEMA_FILE = path.resolve('tests/fixtures/json-feed-1.1.schema.json');

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(JSON_FEED_SCHEMA_FILE, 'utf8')));

/** Every way `doc` breaks JSON Feed 1.1, as `path: message` lines; empty when valid. */
export function jsonFeedErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(top level)'}: ${e.message}`);
}
