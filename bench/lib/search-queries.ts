// The bench's search query set, chosen from the archive itself so that every size has the same
// kinds of query: rare title words of old papers, two-word queries, full titles of old papers,
// and two words found in nearly every paper. Deterministic: the same archive, the same queries.
import { readBody, readPapers } from '../../src/search/papers-fs.ts';
import { orderForShards } from '../../src/search/plan.ts';
import { addTextKeys, FUNCTION_WORDS, wordPrefixes } from '../../src/search/terms.ts';
import { markdownText } from '../../src/format/markdown-text.ts';
import { queryWords } from '../../src/format/words.ts';

export type QueryKind = 'rare word' | 'two words' | 'title' | 'common words';
export interface BenchQuery {
  kind: QueryKind;
  query: string;
  /** Papers that hold every word of the query as Pagefind matches it (a word, or a word it extends). */
  papers: number;
}

/** Where in the archive (a share of its papers, oldest first) each kind takes its papers from. */
const AT: Record<Exclude<QueryKind, 'common words'>, number[]> = {
  'rare word': [0.01, 0.04, 0.08],
  'two words': [0.15, 0.45, 0.75],
  title: [0.02, 0.05, 0.09],
};

/** A word a reader would type: letters only, at least four of them, not a function word. */
const typable = (w: string) => w.length >= 4 && /^\p{L}+$/u.test(w) && !FUNCTION_WORDS.has(w);

export function chooseQueries(papersDir: string): BenchQuery[] {
  const papers = orderForShards(readPapers(papersDir));
  // Postings of every key: which papers hold it, to count the papers a query word matches.
  const postings = new Map<string, number[]>();
  const df = new Map<string, number>();
  papers.forEach((p, i) => {
    const text = `${p.title} ${markdownText(readBody(papersDir, p))}`;
    for (const key of addTextKeys(text, new Set())) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
    for (const w of new Set(queryWords(text))) df.set(w, (df.get(w) ?? 0) + 1);
  });
  const keys = [...postings.keys()].sort();
  const matching = (word: string): Set<number> => {
    const out = new Set<number>();
    for (const prefix of wordPrefixes(word)) {
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid] < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) for (const id of postings.get(keys[i])!) out.add(id);
    }
    return out;
  };
  const count = (query: string) => {
    const sets = queryWords(query).filter((w) => !FUNCTION_WORDS.has(w)).map(matching);
    return sets.length === 0 ? 0 : [...sets[0]].filter((id) => sets.every((s) => s.has(id))).length;
  };
  const at = (share: number) => papers[Math.min(papers.length - 1, Math.floor(papers.length * share))];
  const byCount = (words: string[]) => {
    const n = new Map(words.map((w) => [w, matching(w).size]));
    return [...words].sort((a, b) => n.get(a)! - n.get(b)! || (a < b ? -1 : 1));
  };
  const out: BenchQuery[] = [];
  const add = (kind: QueryKind, query: string) => out.push({ kind, query, papers: count(query) });
  // The title word the fewest papers match.
  for (const share of AT['rare word']) add('rare word', byCount([...new Set(queryWords(at(share).title).filter(typable))])[0]);
  // The two longest words of a title, as a reader remembers a paper.
  for (const share of AT['two words']) {
    const words = [...new Set(queryWords(at(share).title).filter(typable))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    add('two words', words.slice(0, 2).join(' '));
  }
  for (const share of AT.title) add('title', at(share).title);
  // Pairs of the words most papers use.
  const common = [...df].filter(([w]) => typable(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  for (let i = 0; i < 6; i += 2) add('common words', `${common[i]} ${common[i + 1]}`);
  return out;
}
