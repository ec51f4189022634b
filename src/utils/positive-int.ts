// A positive whole-number setting from the environment, with a friendly error naming it.

/** `raw` as a whole number ≥ 1; `fallback` when unset or blank; else an error naming `name`. */
export function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${raw}".`);
  return n;
}
