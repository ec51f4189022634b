// Where the archive's content lives: `content/` at the project root, or the folder named
// by ARCHIVE_CONTENT_DIR (tests and benchmarks build other archives with the same code).
import path from 'node:path';
import { ENV, readConfig } from './config.ts';

export const CONTENT_DIR_ENV = ENV.contentDir;

/** Absolute path of the content root, or of one of its sub-folders. */
export function contentDir(sub = '', env: NodeJS.ProcessEnv = process.env): string {
  return path.join(readConfig(env).contentDir, sub);
}
