// Every URL an HTML page points at (href, src, action), read with a real HTML parser.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';

/** URLs from href/src/action attributes, in document order. */
export function collectLinks(html: string): string[] {
  const links: string[] = [];
  const parser = new Parser({
    onopentag(_name, attrs) {
      for (const key of ['href', 'src', 'action']) if (attrs[key] !== undefined) links.push(attrs[key]);
    },
  });
  parser.write(html);
  parser.end();
  return links;
}

/** Every `.html` file under `dir`, as paths relative to it. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/'));
}

/** The file a site path serves (`/archive/days/` → `days/index.html`), or undefined outside `base`. */
export function fileForPath(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(pathname.slice(base.length));
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}
