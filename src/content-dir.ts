// Where the archive's content lives, and its layout: `content/` at the project root, or the
// folder named by ARCHIVE_CONTENT_DIR (tests and benchmarks build other archives with the same
// code). The ingester writes this layout and the site reads it; both name its parts from here.
import path from 'node:path';
import { ENV, readConfig } from './config.ts';

export const CONTENT_DIR_ENV = ENV.contentDir;

/** The content folder's layout, under any root. */
export function contentPaths(root: string) {
  const days = path.join(root, 'days');
  const papers = path.join(root, 'papers');
  const dumps = path.join(root, 'dumps');
  return {
    root,
    /** `days/<YYYY-MM-DD>.md`: one listing each. */
    days,
    dayFile: (day: string) => path.join(days, `${day}.md`),
    /** `papers/<slug>.md`: one paper each, its abstract as the body. */
    papers,
    paperFile: (slug: string) => path.join(papers, `${slug}.md`),
    /** `dumps/<YYYY-MM-DD>.txt`: the dumps as captured, the archive's source of truth. */
    dumps,
    dumpFile: (day: string) => path.join(dumps, `${day}.txt`),
  };
}

/** The content folder's parts, as contentPaths names them. */
export type ContentPaths = ReturnType<typeof contentPaths>;

/** Absolute path of the content root, or of one of its sub-folders. */
export function contentDir(sub = '', env: NodeJS.ProcessEnv = process.env): string {
  return path.join(readConfig(env).contentDir, sub);
}

/** The layout of the content root the configuration names. */
export function configuredContent(env: NodeJS.ProcessEnv = process.env) {
  return contentPaths(readConfig(env).contentDir);
}
