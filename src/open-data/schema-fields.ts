// A JSON Schema object's fields as a table for people (the /data/ page): name, type in words,
// description — read from the generated schema, so the page cannot drift from the files.

export interface SchemaField {
  name: string;
  type: string;
  description: string;
}

type Json = Record<string, unknown>;

/** One property's type in words: `integer or null`, `list of string (date)`, `1 (constant)`. */
export function typeInWords(s: Json): string {
  if ('const' in s) return `${JSON.stringify(s.const)} (constant)`;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(typeInWords).join(' or ');
  if (Array.isArray(s.type)) return s.type.join(' or ');
  if (s.type === 'array') return `list of ${typeInWords((s.items ?? {}) as Json)}`;
  if (s.type === 'object') return 'object';
  const format = typeof s.format === 'string' ? ` (${s.format})` : '';
  return `${String(s.type ?? 'any')}${format}`;
}

/** The properties of an object schema, in order. */
export function schemaFields(schema: Json): SchemaField[] {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  return Object.entries(props).map(([name, s]) => ({ name, type: typeInWords(s), description: String(s.description ?? '') }));
}
