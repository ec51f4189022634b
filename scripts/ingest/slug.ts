// Paper slugs: readable ASCII from the title, capped, unique, with a hash fallback for
// titles that transliterate to nothing (emoji, scripts the transliterator does not know).
import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';
import { SLUG } from '../../src/schema.ts';

/** Slugs longer than this are cut at a word boundary. */
export const MAX_SLUG = 80;

/** The slug a title would get in an empty archive. */
export function baseSlug(title: string): string {
  // decamelize off: "MLGym" stays "mlgym", not "ml-gym".
  let s = slugify(title, { decamelize: false });
  if (s.length > MAX_SLUG) {
    const cut = s.lastIndexOf('-', MAX_SLUG);
    s = cut > 0 ? s.slice(0, cut) : s.slice(0, MAX_SLUG).replace(/-+$/, '');
  }
  if (!SLUG.test(s)) s = `paper-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
  return s;
}

/** A slug for `title` not in `taken` (base, then base-2, base-3 …); adds it to `taken`. */
export function assignSlug(title: string, taken: Set<string>): string {
  const base = baseSlug(title);
  let s = base;
  for (let n = 2; taken.has(s); n++) s = `${base}-${n}`;
  taken.add(s);
  return s;
}
