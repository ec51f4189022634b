// How many items the RSS feed holds: FEED_LIMIT from the environment, else 100.
import { positiveInt } from './positive-int.ts';

export const DEFAULT_FEED_LIMIT = 100;

/** Parse FEED_LIMIT; a friendly error names the variable when it is not a positive integer. */
export function feedLimit(value: string | undefined = process.env.FEED_LIMIT): number {
  return positiveInt('FEED_LIMIT', value, DEFAULT_FEED_LIMIT);
}
