// /data/days/YYYY-MM-DD.json: one day's papers in listed order, each a whole paper record.
// Its cacheKey covers every paper's front matter and file (the abstract), so a daily rebuild
// keeps the files of days whose papers did not change.
import type { APIContext } from 'astro';
import { cacheKey, paperPageKeyPart } from '../../../utils/cache-key.ts';
import { allAbstracts } from '../../../utils/abstract.ts';
import { loadArchive, papersOf, type Paper } from '../../../utils/load-archive.ts';
import { dayFile } from '../../../utils/open-data.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.days.map((date) => {
    const papers = papersOf(archive, archive.dayById.get(date)!);
    return { params: { date }, props: { papers }, cacheKey: cacheKey(papers.map(paperPageKeyPart)) };
  });
}

export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:4321');
  const { papers } = context.props as { papers: Paper[] };
  const abstracts = await allAbstracts();
  return new Response(`${JSON.stringify(dayFile(context.params.date!, papers, site, (p) => abstracts.get(p.id)!))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
