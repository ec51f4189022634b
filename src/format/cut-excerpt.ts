// The opening of an abstract for list pages: at most `max` characters, cut at a word boundary.

/** `text` if short enough, else its longest word-aligned prefix within `max` plus `…`. */
export function cutExcerpt(text: string, max = 250): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max); // leaves space for the ellipsis within `max + 1`
  const space = room.lastIndexOf(' ');
  // A single giant "word" (a URL, say) is cut mid-word rather than dropped.
  const head = space > max / 2 ? room.slice(0, space) : room;
  return `${head.replace(/[\s,.;:!?—–-]+$/u, '')}…`;
}
