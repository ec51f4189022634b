// How many items the RSS feed holds: FEED_LIMIT from the environment, else 100.

export const DEFAULT_FEED_LIMIT = 100;

/** Parse FEED_LIMIT; a friendly error names the variable when it is not a positive integer. */
export function feedLimit(value: string | undefined = process.env.FEED_LIMIT): number {
  if (value === undefined || value.trim() === '') return DEFAULT_FEED_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`FEED_LIMIT must be a positive whole number, got "${value}".`);
  }
  return n;
}
