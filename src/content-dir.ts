// Where the archive's content lives: `content/` at the project root, or the folder named
// by ARCHIVE_CONTENT_DIR (tests and benchmarks build other archives with the same code).
import path from 'node:path';

export const CONTENT_DIR_ENV = 'ARCHIVE_CONTENT_DIR';

/** Absolute path of the content root, or of one of its sub-folders. */
export function contentDir(sub = '', env: NodeJS.ProcessEnv = process.env): string {
  const root = env[CONTENT_DIR_ENV] ? path.resolve(env[CONTENT_DIR_ENV]) : path.resolve('content');
  return path.join(root, sub);
}
