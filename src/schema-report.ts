// Schema problems as people read them: `file: field: problem`, one line each, for the
// ingester and the build alike (the same words wherever a record is validated).
import path from 'node:path';
import type { z } from 'astro/zod';

/** How a file is named in messages: relative to the working folder when under it. */
export function fileLabel(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** One line per issue of `error` in `file`; the field is a dotted path (`days.2`). */
export function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the whole record)';
    return `${file}: ${field}: ${issue.message}`;
  });
}

/** Validates `data` with `schema`; the parsed value, or the problems as lines. */
export function check<T>(schema: z.ZodType<T>, data: unknown, file: string): { ok: true; value: T } | { ok: false; problems: string[] } {
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: describeIssues(file, r.error) };
}
