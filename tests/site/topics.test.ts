import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTopics, groupByTopic, parseTopics, topicPattern, topicsOf, type MatchablePaper, type Topic } from '../../src/topics/topics.ts';

/** Topic matching as a build composes it: each paper's topics, then each topic's papers in the given order. */
function matchTopics(topics: readonly Topic[], papers: readonly MatchablePaper[]): Map<string, string[]> {
  const compiled = compileTopics(topics);
  const matched = new Map(papers.map((p) => [p.slug, topicsOf(compiled, p)]));
  return groupByTopic(topics, matched.keys(), (slug) => matched.get(slug)!);
}

describe('topicPattern', () => {
  const re = topicPattern(['diffusion', 'score-based', 'agent', 'VLM']);
  it.each([
    ['Latent Diffusion Models', true],
    ['diffusion-based editing', true],
    ['a score based model', true],
    ['Score-Based generative', true],
    ['multi agents talk', true],
    ['VLMs see', true],
    ['confusion reigns', false],
    ['diffusional', false],
    ['agentive', false],
    ['reagent chemistry', false],
  ])('%s → %s', (text, hit) => {
    expect(re.test(text)).toBe(hit);
  });
});

describe('matchTopics', () => {
  it('matches title or abstract, keeps the given order, and builds empty topics', () => {
    const topics = [
      { name: 'video', label: 'Video', terms: ['video'] },
      { name: 'none', label: 'None', terms: ['quokka'] },
    ];
    const papers = [
      { slug: 'b', title: 'Videos at scale', abstract: '' },
      { slug: 'a', title: 'Other', abstract: 'We study video.' },
      { slug: 'c', title: 'Other', abstract: 'Nothing here.' },
    ];
    const m = matchTopics(topics, papers);
    expect(m.get('video')).toEqual(['b', 'a']);
    expect(m.get('none')).toEqual([]);
  });
});

describe('parseTopics', () => {
  it('reads the shipped topics.json', () => {
    const topics = parseTopics(readFileSync('topics.json', 'utf8'), 'topics.json');
    expect(topics.length).toBeGreaterThanOrEqual(5);
  });
  it('names file, field and problem', () => {
    expect(() => parseTopics('{"topics":[{"name":"Bad Name","label":"x","terms":["a"]}]}', 'topics.json')).toThrow(
      /^topics\.json: topics\.0\.name: expected a lowercase ASCII slug/,
    );
    expect(() => parseTopics('{"topics":[{"name":"a","label":"x","terms":[]}]}', 't.json')).toThrow(/^t\.json: topics\.0\.terms: /);
    expect(() => parseTopics('{', 't.json')).toThrow(/^t\.json: not JSON/);
    const dup = '{"topics":[{"name":"a","label":"x","terms":["a"]},{"name":"a","label":"y","terms":["b"]}]}';
    expect(() => parseTopics(dup, 't.json')).toThrow(/t\.json: topics: topic names must be unique/);
  });
});
