// Every page the site builds, as paths with the day their content last changed: the
// sitemap's list, from the archive (one place, beside the routes that make the pages).
import type { Archive } from '../archive/load-archive.ts';
import { dataPath, dayPath, daysPath, homePath, monthPath, monthsPath, paperPath, searchPath, weekPath, weeksPath } from './paths.ts';

export function sitePages(archive: Archive): { path: string; lastmod?: string }[] {
  const latest = archive.latest;
  return [
    { path: homePath(), lastmod: latest },
    { path: daysPath(), lastmod: latest },
    { path: weeksPath(), lastmod: latest },
    { path: monthsPath(), lastmod: latest },
    { path: searchPath() },
    { path: dataPath(), lastmod: latest },
    ...archive.days.map((id) => ({ path: dayPath(id), lastmod: id })),
    ...archive.weeks.map((w) => ({ path: weekPath(w.id), lastmod: w.days.at(-1) })),
    ...archive.months.map((m) => ({ path: monthPath(m.id), lastmod: m.days.at(-1) })),
    ...[...archive.paperBySlug.values()].map((p) => ({ path: paperPath(p.id), lastmod: p.data.days.at(-1) })),
  ];
}
