// /data/index.json: the open data's catalogue (src/schema.ts dataIndexSchema).
import type { APIContext } from 'astro';
import { loadArchive } from '../../archive/load-archive.ts';
import { dataIndex } from '../../open-data/open-data.ts';
import { siteOf } from '../../site/site-url.ts';

export async function GET(context: APIContext) {
  const site = siteOf(context);
  return new Response(`${JSON.stringify(dataIndex(await loadArchive(), site))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
