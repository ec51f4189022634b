// The archive's organisations (src/orgs/orgs.ts), grouped once per build from the archive the
// pages load: every page, card and feed that names an organisation asks here.
import { loadArchive } from '../archive/load-archive.ts';
import { indexOrganizations, type OrgIndex } from './orgs.ts';

let cached: Promise<OrgIndex> | undefined;

/** Every organisation of the archive; the same promise for every caller in a build. */
export function orgIndex(): Promise<OrgIndex> {
  return (cached ??= loadArchive().then((archive) =>
    indexOrganizations(
      archive.newestFirst.map((slug) => {
        const { organization, days } = archive.paperBySlug.get(slug)!.data;
        return { slug, organization, day: days[0] };
      }),
    ),
  ));
}
