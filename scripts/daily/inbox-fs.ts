// The daily run's file-system side: listing and reading inbox/, the archive's dumps, removing
// what went in, and running the ingester and `astro build` as child processes (no shell).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { contentPaths } from '../../src/content-dir.ts';
import { readInput } from '../ingest/inputs-fs.ts';
import { parseDump } from '../ingest/parse.ts';
import { INBOX_DIR, notADump, roleOf, type InboxDump } from './inbox.ts';

export const INGEST_SCRIPT = path.join(import.meta.dirname, '..', 'ingest.ts');

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The dumps in `<project>/inbox/` (labels relative to the project), and what is no dump. */
export function listInbox(project: string): { dumps: { label: string; file: string }[]; strays: { label: string; message: string }[] } {
  const dir = path.join(project, INBOX_DIR);
  if (!fs.existsSync(dir)) return { dumps: [], strays: [] };
  const dumps: { label: string; file: string }[] = [];
  const strays: { label: string; message: string }[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const label = path.join(INBOX_DIR, name);
    let isFile = false;
    try {
      isFile = !fs.statSync(file).isDirectory();
    } catch {
      isFile = true; // a dangling link: the ingester says it cannot be read
    }
    const role = roleOf(name, isFile);
    if (role === 'dump') dumps.push({ label, file });
    else if (role === 'not-a-dump') strays.push({ label, message: notADump(label, isFile) });
  }
  return { dumps, strays };
}

/** A dump's digest and the day the parser reads from it, as the ingester will read it. */
export function readInboxDump(d: { label: string; file: string }): InboxDump {
  const read = readInput(d.file);
  if (!read.ok) return { label: d.label, sha256: '' };
  const parsed = parseDump(read.bytes, d.label);
  return { label: d.label, sha256: sha256(read.bytes), day: parsed.diagnostics.length === 0 ? parsed.day : undefined };
}

/** The sha256 of the archive's dump for a day, if it has one. */
export function archivedSha256(content: string): (day: string) => string | undefined {
  const { dumpFile } = contentPaths(content);
  return (day) => {
    try {
      return sha256(fs.readFileSync(dumpFile(day)));
    } catch {
      return undefined;
    }
  };
}

/**
 * Runs a Node script with this Node, without a shell. With `collect`, its stderr is shown as
 * it comes and also returned; otherwise it goes straight to ours (keeping a terminal's colours).
 */
export function runNode(args: string[], collect = false): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', collect ? 'pipe' : 'inherit'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  return new Promise((resolve) => {
    child.once('error', (e) => resolve({ code: null, stderr: `${stderr}${e.message}\n` }));
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

/** Astro's CLI script, as `npm run build` runs it. */
export function astroCli(): string {
  const pkg = createRequire(import.meta.url).resolve('astro/package.json');
  return path.join(path.dirname(pkg), 'bin', 'astro.mjs');
}

/** Appends to a file GitHub Actions gave (src/config.ts actionsFiles), if it did. */
export function appendTo(file: string | undefined, text: string): void {
  if (file) fs.appendFileSync(file, text);
}
