// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key
// and code are unchanged since the last build is copied from it, not rendered again. A key is
// a digest of exactly what the page renders, so a page must render from its props alone.
import { createHash } from 'node:crypto';

/** A short, stable digest of JSON-serialisable values (key order as given). */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}

/** What a page shows of a paper: its front matter and its rendered abstract. */
export function paperKeyPart(paper: { id: string; data: unknown; rendered?: { html: string } | undefined }): unknown {
  return [paper.id, paper.data, paper.rendered?.html ?? ''];
}
