// Which files of an output folder a build did not produce. Pure: the integration in
// src/integrations/prune-dist.ts lists the folder and deletes what this returns.

/**
 * Files (paths relative to the output folder, `/`-separated) that are neither produced by
 * this build nor one of the `owned` paths (folders or files), which other steps manage.
 */
export function staleFiles(files: Iterable<string>, produced: ReadonlySet<string>, owned: readonly string[]): string[] {
  const stale: string[] = [];
  for (const file of files) {
    if (produced.has(file)) continue;
    if (owned.some((dir) => file === dir || file.startsWith(`${dir}/`))) continue;
    stale.push(file);
  }
  return stale.sort();
}
