// /data/papers.ndjson: every paper as one JSON record a line (src/schema.ts paperRecordSchema),
// newest first, streamed record by record.
import type { APIContext } from 'astro';
import { allAbstracts } from '../../utils/abstract.ts';
import { loadArchive } from '../../utils/load-archive.ts';
import { ndjsonLines } from '../../utils/open-data.ts';
import { textStream } from '../../utils/text-stream.ts';

export async function GET(context: APIContext) {
  const [archive, abstracts] = await Promise.all([loadArchive(), allAbstracts()]);
  const site = context.site ?? new URL('http://localhost:4321');
  return new Response(textStream(ndjsonLines(archive, site, (p) => abstracts.get(p.id)!)), { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
}
