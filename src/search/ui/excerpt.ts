// Pure: the excerpt a result shows — a window of the abstract (never the title again)
// around the first match, starting and ending on whole words, with "…" where cut, as parts
// of plain text and highlighted words.

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * `content` is Pagefind's text of the record (the title, then the abstract), `locations` its
 * word positions of the matches; `titleWords` how many words the title takes at the start.
 */
export function makeExcerpt(content: string, locations: readonly number[], titleWords: number, length = 30): ExcerptPart[] {
  const words = content.split(/\s+/).filter(Boolean);
  const body = words.slice(titleWords);
  if (body.length === 0) return [];
  const hits = new Set(locations.map((i) => i - titleWords).filter((i) => i >= 0));
  const first = Math.min(...hits, Infinity);
  // Start a few words before the first match, at the abstract's start when it is near.
  let start = Number.isFinite(first) ? Math.max(0, first - 8) : 0;
  start = Math.min(start, Math.max(0, body.length - length));
  const end = Math.min(body.length, start + length);
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && last.mark === mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  if (start > 0) push('…', false);
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', false);
    if (hits.has(i)) {
      // Punctuation stays outside the highlight.
      const [, lead, core, tail] = /^(\W*)(.*?)(\W*)$/u.exec(body[i]) ?? ['', '', body[i], ''];
      if (lead) push(lead, false);
      push(core, true);
      if (tail) push(tail, false);
    } else push(body[i], false);
  }
  if (end < body.length) {
    const last = parts.at(-1)!;
    if (last.mark) push('…', false);
    else last.text = `${last.text.replace(/[\s,.;:!?—–-]+$/u, '')}…`;
  }
  return parts;
}

/** How many words `title` takes in Pagefind's content (which starts with it). */
export const titleWordCount = (title: string): number => title.split(/\s+/).filter(Boolean).length;
