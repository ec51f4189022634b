// Text made safe for HTML/XML content and double-quoted attributes.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** `a < b & "c"` → `a &lt; b &amp; &quot;c&quot;`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}
