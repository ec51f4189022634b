// Site-wide strings and numbers, in one place.
import { readConfig } from './config.ts';

export const SITE_TITLE = 'Daily Papers Archive';
export const SITE_DESCRIPTION = 'Every paper from the Daily Papers listing, day by day, with search and a feed.';

/** Characters of abstract shown on list pages. */
export const EXCERPT_LENGTH = 250;

/** Days linked from the home page besides the latest one. */
export const HOME_PREVIOUS_DAYS = 7;

/** The language of every page and feed (BCP 47 / RFC 5646). */
export const SITE_LANGUAGE = 'en';

const config = readConfig();

/** Items in each paper feed, RSS and JSON Feed (env FEED_LIMIT, default 100). */
export const FEED_LIMIT = config.feedLimit;

/** Days in the digest feed (env DIGEST_LIMIT, default 60). */
export const DIGEST_LIMIT = config.digestLimit;
