// Reads topics.json at the repository's top level, once per build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTopics, type Topic } from './topics.ts';

export const TOPICS_FILE = 'topics.json';

let cached: Topic[] | undefined;
export function loadTopics(): Topic[] {
  return (cached ??= parseTopics(readFileSync(path.resolve(TOPICS_FILE), 'utf8'), TOPICS_FILE));
}
