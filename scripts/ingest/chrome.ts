// The page's own text around the listing ("page chrome"): navigation, footer and per-card
// controls that a select-all copy takes along. Recognised only where no entry can stand,
// so a paper titled "Privacy" is still a paper (see docs/format.md, "Page chrome").

/** Site navigation and footer, as the page writes them (compared case-insensitively). */
const SITE = [
  'hugging face', 'models', 'datasets', 'spaces', 'community', 'posts', 'docs', 'enterprise', 'pricing',
  'log in', 'login', 'sign up', 'system theme', 'light theme', 'dark theme', 'company', 'tos', 'privacy',
  'about', 'jobs', 'careers', 'website', 'blog', 'learn', 'discord', 'forum', 'github', 'status',
  'daily papers', 'papers', 'trending papers', 'new', 'subscribe', 'get trending papers in your email inbox!',
  'by ak and the research community', 'byak and the research community', 'daily', 'weekly', 'monthly',
  'previous', 'next', 'search', 'search any paper', 'submit', 'submit a paper', 'view all', 'load more',
  'show more', 'upvote', 'upvoted', 'top', 'trending', 'latest', 'copy link', 'share',
] as const;

/** Per-card controls, which may stand between entries. */
const CARD = /^(upvote|upvoted|submitted by\b.*|view all|copy link|share|\d+ ?(upvotes?|comments?)?)$/i;

const SITE_SET = new Set<string>(SITE);

function norm(line: string): string {
  return line.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A line of the site's navigation or footer, or a bare count beside them. */
export function isSiteChromeLine(line: string): boolean {
  const l = norm(line);
  return SITE_SET.has(l) || /^©.*hugging ?face/i.test(l) || /^\d+$/.test(l) || CARD.test(l);
}

/** A block that is nothing but site chrome (at least one word, not only numbers). */
export function isSiteChromeBlock(lines: string[]): boolean {
  return lines.every(isSiteChromeLine) && lines.some((l) => !/^\d+$/.test(norm(l)));
}

/**
 * A block of per-card controls ("Upvote", "Submitted by …"), which may stand between two
 * entries. Bare numbers count only beside a control word: a title can be a number alone.
 */
export function isCardChromeBlock(lines: string[]): boolean {
  return lines.every((l) => CARD.test(norm(l))) && lines.some((l) => !/^\d+$/.test(norm(l)));
}
