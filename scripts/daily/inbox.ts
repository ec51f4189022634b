// What the daily run (scripts/daily.ts) decides, apart from the file system: which files in
// inbox/ are dumps, which dumps the ingester took, and what the job summary says.

/** The folder at the project root where the day's dumps are uploaded. */
export const INBOX_DIR = 'inbox';

/** The inbox's own file, for people and for git (an empty folder is not kept). */
export const INBOX_README = 'README.md';

export type Role = 'dump' | 'kept' | 'not-a-dump';

/**
 * A dump is a `*.txt` file. Dotfiles (`.gitkeep`, `.DS_Store`) and the README stay and are
 * no dumps, as the ingester skips dotfiles; anything else is refused, so an upload with the
 * wrong extension fails the run instead of waiting in the inbox unnoticed.
 */
export function roleOf(name: string, isFile: boolean): Role {
  if (name.startsWith('.') || name === INBOX_README) return 'kept';
  return isFile && name.toLowerCase().endsWith('.txt') ? 'dump' : 'not-a-dump';
}

export function notADump(label: string, isFile: boolean): string {
  return `${label}: ${isFile ? 'not a dump: the inbox takes the text of a capture as a *.txt file' : 'a folder: the inbox takes *.txt files only'}; rename or remove it`;
}

export interface InboxDump {
  /** The path as given to the ingester (`inbox/<name>`), used in its messages. */
  label: string;
  sha256: string;
  /** The day the parser reads from it, when it can. */
  day?: string;
}

/**
 * A dump went in exactly when the archive now holds its very bytes as its day's dump: the
 * ingester wrote it, or had it already. A refused dump leaves its day's dump absent or other.
 */
export function wentIn(dump: InboxDump, archivedSha256: (day: string) => string | undefined): boolean {
  return dump.day !== undefined && archivedSha256(dump.day) === dump.sha256;
}

/** `text` in a fenced block whose fence no line of it can close. */
export function fenced(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.replace(/\n+$/, '')}\n${fence}\n`;
}

export interface Failure {
  /** Files refused, left in the inbox. */
  refused: string[];
  /** How many dumps went in (and left the inbox) all the same. */
  ingested: number;
  /** The ingest was cut off with the archive half written: every dump was kept. */
  unfinished: boolean;
  /** Everything the inbox check and the ingester said on stderr. */
  messages: string;
}

/** The job summary (Markdown) of a failed run; file names appear only inside the fence. */
export function failureSummary(f: Failure): string {
  const n = f.refused.length;
  const them = n === 1 ? 'it' : 'them';
  let head: string;
  if (f.unfinished) head = `### Daily run: the ingest did not finish, nothing published\n\nEvery dump stays in \`${INBOX_DIR}/\`; the next run finishes the interrupted ingest first.`;
  else if (n === 0) head = `### Daily run: the ingest failed, nothing published\n\nThe dumps went in, but the archive has a problem the messages name.`;
  else
    head =
      `### Daily run: ${n === 1 ? '1 file' : `${n} files`} refused, nothing published\n\n` +
      `${n === 1 ? 'It stays' : 'They stay'} in \`${INBOX_DIR}/\`: mend ${them} as the messages say (the format: docs/format.md) or remove ${them}, then push again.` +
      (f.ingested > 0 ? ` ${f.ingested === 1 ? 'The other dump' : `The ${f.ingested} other dumps`} went in and left the inbox.` : '');
  return `${head}\n\n${fenced(f.messages)}`;
}

/** The job summary of a run that built the site: the days that went in. */
export function successSummary(days: string[]): string {
  return `### Daily run\n\n${days.length === 0 ? 'Nothing in the inbox' : `Went in: ${days.join(', ')}`}; the site was built.\n`;
}
