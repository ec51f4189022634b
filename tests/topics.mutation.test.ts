// Topic matching (src/topics/topics.ts) where topics.test.ts compiles its pattern while the
// tests are collected: terms with special characters, runs of separators, several terms.
import { describe, expect, it } from 'vitest';
import { groupByTopic, parseTopics, topicPattern } from '../src/topics/topics.ts';

describe('topicPattern', () => {
  it('takes a term’s special characters literally', () => {
    const re = topicPattern(['C++']);
    expect(re.test('fast C++ code')).toBe(true);
    expect(re.test('fast C code')).toBe(false);
    expect(topicPattern(['a.b']).test('axb')).toBe(false);
  });

  it('reads any run of spaces and hyphens inside a term as one separator', () => {
    expect(topicPattern(['score  based']).test('a score based model')).toBe(true);
    expect(topicPattern(['score - based']).test('score-based')).toBe(true);
    expect(topicPattern(['score-based']).test('score -- based')).toBe(true);
    expect(topicPattern(['score-based']).test('scorebased')).toBe(false);
  });

  it('ignores space around a term', () => {
    expect(topicPattern([' agent ']).test('agent')).toBe(true);
  });

  it('matches any of several terms', () => {
    const re = topicPattern(['agent', 'robot']);
    expect(re.test('a robot arm')).toBe(true);
    expect(re.test('an agent')).toBe(true);
    expect(re.test('agentrobot')).toBe(false);
  });
});

describe('groupByTopic', () => {
  it('ignores a topic name the topics file does not have', () => {
    const topics = [{ name: 'a', label: 'A', terms: ['a'] }];
    expect(groupByTopic(topics, ['p', 'q'], (slug) => (slug === 'p' ? ['a', 'gone'] : ['a']))).toEqual(new Map([['a', ['p', 'q']]]));
  });
});

describe('parseTopics', () => {
  it('lists every problem, one a line', () => {
    const text = '{"topics":[{"name":"Bad Name","label":"x","terms":[]}]}';
    expect(() => parseTopics(text, 't.json')).toThrow(/^t\.json: topics\.0\.name: [^\n]+\nt\.json: topics\.0\.terms: [^\n]+$/);
  });

  it('says "(top level)" for a problem with the whole file', () => {
    expect(() => parseTopics('[]', 't.json')).toThrow(/^t\.json: \(top level\): /);
  });
});
