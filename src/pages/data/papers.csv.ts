// /data/papers.csv: every paper as one CSV row (RFC 4180, header row), newest first.
import type { APIContext } from 'astro';
import { allAbstracts } from '../../utils/abstract.ts';
import { loadArchive } from '../../utils/load-archive.ts';
import { csvStream } from '../../utils/open-data.ts';

export async function GET(context: APIContext) {
  const [archive, abstracts] = await Promise.all([loadArchive(), allAbstracts()]);
  const site = context.site ?? new URL('http://localhost:4321');
  return new Response(csvStream(archive, site, (p) => abstracts.get(p.id)!), { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
}
