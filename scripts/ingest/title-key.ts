// A paper's identity from its title: the same title captured in another Unicode form or
// with invisible copy artefacts is the same paper. What is shown stays as captured.

// Zero-width space/non-joiner/joiner, word joiner, soft hyphen, BOM, left/right-to-left marks.
const INVISIBLE = /[\u200B\u200C\u200D\u2060\u00AD\uFEFF\u200E\u200F]/g;

/** The key two titles share when a reader could not tell them apart. */
export function titleKey(title: string): string {
  return title.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
