// Feature: organisations. The papers a listing showed under an organisation's name instead of an
// author count, one page and two feeds per organisation (/orgs/, /orgs/<slug>/ with rss.xml and
// feed.json), linked from paper cards and pages, /feeds/, /feeds.opml and /stats/. Identity and
// slugs in orgs.ts (pure), the build's index in orgs-fs.ts, the /orgs/ filter in ui/. Depends on
// archive/ (each paper's `organization`, papers newest first), schema.ts (the slug pattern);
// site/paths.ts has the URLs, feeds/ the feeds, stats/ the numbers.
//
// An organisation's name: its identity, the spelling shown, and how the /orgs/ filter compares
// names with what is typed. Pure and without Node modules: the page's browser code uses it too.

// Zero-width space/non-joiner/joiner, word joiner, soft hyphen, BOM, left/right-to-left marks:
// copy artefacts a reader cannot see (the same list as a paper title's key).
const INVISIBLE = /[\u200B\u200C\u200D\u2060\u00AD\uFEFF\u200E\u200F]/g;

/** A name as shown: Unicode NFC, invisible characters dropped, whitespace folded to one space. */
export function orgSpelling(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The identity two names share when they differ only in letter case, spacing or Unicode form:
 * invisible characters dropped, case-folded (upper then lower case, so "ß" and "SS" agree), NFKC
 * (composed and decomposed letters, full-width forms are one; after the case mapping, which can
 * leave a letter decomposed), whitespace folded. Spacing means the kind and amount of white
 * space, not its presence: "Meta AI" and "MetaAI" are two names.
 */
export function orgKey(name: string): string {
  return name.replace(INVISIBLE, '').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * A name or query as the filter compares them: letters and digits only, without accents or
 * case, so "eth zurich", "ETH-Zürich" and "ethzürich" all find "ETH Zürich".
 */
export function filterText(text: string): string {
  // NFKD splits accents off their letters; they go with the punctuation (neither letter nor digit).
  return text.normalize('NFKD').toUpperCase().toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
