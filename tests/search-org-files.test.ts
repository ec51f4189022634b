// The organisation filter's files: one per organisation, named by the slug its page has, listing
// exactly its papers' page ids by shard, newest first; spellings that differ only in case or
// spacing are one organisation. Expected values written by hand.
import { describe, expect, it } from 'vitest';
import { orgFiles, type OrgShard } from '../src/search/org-files.ts';
import { recordUrl } from '../src/search/record.ts';

const shard = (rows: [slug: string, day: string, org: string | null][]): OrgShard => ({
  papers: rows.map(([slug, day, organization]) => ({ slug, organization, days: [day] })),
  pageIds: new Map(rows.map(([slug]) => [recordUrl({ slug }), `en_${slug}`])),
});

describe('orgFiles', () => {
  const shards = [
    shard([['a', '2024-01-01', 'NVIDIA'], ['b', '2024-01-01', null], ['c', '2024-01-02', 'Meta AI']]),
    shard([['d', '2024-01-03', 'nvidia '], ['e', '2024-01-04', 'Meta-AI'], ['f', '2024-01-04', 'NVIDIA']]),
  ];
  const files = orgFiles(shards, recordUrl);
  const read = (name: string) => JSON.parse(files.get(name)!) as unknown;

  it('writes one file per organisation, by slug, with its papers newest first by shard', () => {
    expect([...files.keys()].sort()).toEqual(['orgs/meta-ai-43939d3e.json', 'orgs/meta-ai.json', 'orgs/nvidia.json']);
    expect(read('orgs/nvidia.json')).toEqual({ name: 'NVIDIA', shards: { '0': ['en_a'], '1': ['en_f', 'en_d'] } });
    expect(read('orgs/meta-ai.json')).toEqual({ name: 'Meta AI', shards: { '0': ['en_c'] } });
    expect(read('orgs/meta-ai-43939d3e.json')).toEqual({ name: 'Meta-AI', shards: { '1': ['en_e'] } });
  });

  it('fails, naming the paper, when a shard has no page for it', () => {
    const broken = { ...shards[0], pageIds: new Map() };
    expect(() => orgFiles([broken], recordUrl)).toThrow('the search shard holding a has no page for /papers/a/');
  });
});
