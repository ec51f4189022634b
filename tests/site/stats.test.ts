import { describe, expect, it } from 'vitest';
import { lineRuns, stepArea } from '../../src/components/charts/geometry.ts';
import { niceAxis, percentOf } from '../../src/components/charts/scale.ts';
import { formatCount, formatShare } from '../../src/format/format-number.ts';
import {
  archiveStats,
  monthsBetween,
  mostDiscussed,
  papersPerWeek,
  relisting,
  topicSharesByMonth,
  topOrganizations,
  orgsByMonth,
  weeksBetween,
  type StatsPaper,
} from '../../src/stats/stats.ts';

const paper = (id: string, over: Partial<StatsPaper> = {}): StatsPaper => ({ id, title: id.toUpperCase(), comments: 0, days: ['2025-01-01'], ...over });

describe('weeksBetween / monthsBetween', () => {
  it('lists every ISO week, across a year with 53 weeks', () => {
    expect(weeksBetween('2020-12-24', '2021-01-12')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(weeksBetween('2025-01-01', '2025-01-01')).toEqual(['2025-W01']);
    expect(weeksBetween('2025-02-01', '2025-01-01')).toEqual([]);
  });
  it('lists every month across a year end', () => {
    expect(monthsBetween('2024-11-30', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-03-01', '2025-02-01')).toEqual([]);
  });
});

describe('papersPerWeek', () => {
  it('counts each paper once a week, and weeks without a day as 0', () => {
    const days = [
      { id: '2025-01-20', papers: ['e'] }, // W04
      { id: '2025-01-06', papers: ['a', 'b'] }, // W02
      { id: '2025-01-07', papers: ['b', 'c'] }, // W02: b again
    ];
    expect(papersPerWeek(days)).toEqual([
      { week: '2025-W02', papers: 3 },
      { week: '2025-W03', papers: 0 },
      { week: '2025-W04', papers: 1 },
    ]);
    expect(papersPerWeek([])).toEqual([]);
  });
});

describe('mostDiscussed', () => {
  it('orders by comments, leaves out unknown counts, breaks ties by title, keeps n', () => {
    const papers = [paper('b', { comments: 5 }), paper('n', { comments: null }), paper('a', { comments: 5 }), paper('c', { comments: 9 }), paper('d', { comments: 0 })];
    expect(mostDiscussed(papers, 3).map((p) => [p.slug, p.comments])).toEqual([['c', 9], ['a', 5], ['b', 5]]);
    expect(mostDiscussed(papers).map((p) => p.slug)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('relisting', () => {
  it('counts papers listed on more than one day and the distribution, gaps included', () => {
    const papers = [paper('a'), paper('b', { days: ['2025-01-01', '2025-01-02', '2025-01-05'] }), paper('c')];
    expect(relisting(papers)).toEqual({ papers: 3, relisted: 1, byDays: [{ days: 1, papers: 2 }, { days: 2, papers: 0 }, { days: 3, papers: 1 }] });
    expect(relisting([])).toEqual({ papers: 0, relisted: 0, byDays: [] });
  });
});

describe('topOrganizations', () => {
  it('counts papers per organisation, largest first, ties by name, at most n', () => {
    const orgs = [
      { slug: 'mid', name: 'Mid', papers: ['e'] },
      { slug: 'zeta', name: 'Zeta', papers: ['a', 'c'] },
      { slug: 'alpha', name: 'Alpha', papers: ['b'] },
    ];
    expect(topOrganizations(orgs, 2)).toEqual({ withOrganization: 4, top: [{ slug: 'zeta', name: 'Zeta', papers: 2 }, { slug: 'alpha', name: 'Alpha', papers: 1 }] });
  });
});

describe('orgsByMonth', () => {
  it('counts each paper once, in the month it was first listed, empty months included', () => {
    const days = [
      { id: '2025-03-01', papers: ['a', 'd'] },
      { id: '2025-01-02', papers: ['a', 'b'] },
      { id: '2025-01-03', papers: ['c'] },
    ];
    const orgs = [{ slug: 'x', name: 'X', papers: ['d', 'c', 'a'] }, { slug: 'y', name: 'Y', papers: ['b'] }];
    expect(orgsByMonth(days, orgs)).toEqual({
      months: ['2025-01', '2025-02', '2025-03'],
      orgs: [{ slug: 'x', name: 'X', counts: [2, 0, 1] }, { slug: 'y', name: 'Y', counts: [1, 0, 0] }],
    });
    expect(orgsByMonth([], orgs).orgs[0].counts).toEqual([]);
  });

  it('draws the few organisations with the most papers', () => {
    const days = [{ id: '2025-01-01', papers: ['a', 'b', 'c', 'd', 'e', 'f'] }];
    const orgs = ['o1', 'o2', 'o3', 'o4', 'o5'].map((slug, i) => ({ slug, name: slug, papers: ['a', 'b', 'c', 'd', 'e', 'f'].slice(0, i + 1) }));
    const stats = archiveStats(days, [], [], orgs);
    expect(stats.organizations.byMonth.orgs.map((o) => [o.slug, o.counts])).toEqual([['o5', [5]], ['o4', [4]], ['o3', [3]], ['o2', [2]]]);
  });
});

describe('topicSharesByMonth', () => {
  it('counts each month\'s papers once and the topic matches among them, empty months included', () => {
    const days = [
      { id: '2025-01-02', papers: ['a', 'b'] },
      { id: '2025-01-03', papers: ['a', 'c'] },
      { id: '2025-03-01', papers: ['a', 'd'] },
    ];
    const topics = [{ name: 'x', label: 'X', papers: ['a', 'c'] }, { name: 'y', label: 'Y', papers: ['z'] }];
    expect(topicSharesByMonth(days, topics)).toEqual({
      months: ['2025-01', '2025-02', '2025-03'],
      totals: [3, 0, 2],
      topics: [{ name: 'x', label: 'X', counts: [2, 0, 1] }, { name: 'y', label: 'Y', counts: [0, 0, 0] }],
    });
  });
});

describe('archiveStats', () => {
  it('puts it together, with the first and last day whatever the order given', () => {
    const stats = archiveStats([{ id: '2025-01-09', papers: ['a'] }, { id: '2025-01-01', papers: ['a'] }], [paper('a', { days: ['2025-01-01', '2025-01-09'] })], []);
    expect([stats.days, stats.papers, stats.first, stats.last, stats.relisting.relisted]).toEqual([2, 1, '2025-01-01', '2025-01-09', 1]);
    expect(stats.perWeek.map((w) => w.papers)).toEqual([1, 1]);
    const empty = archiveStats([], [], []);
    expect([empty.first, empty.perWeek, empty.topicShares.months]).toEqual([null, [], []]);
  });
});

describe('chart scale and number formats', () => {
  it('rounds an axis up to 1, 2 or 5 × 10^k steps', () => {
    expect(niceAxis(263)).toEqual({ top: 300, step: 100, ticks: [0, 100, 200, 300] });
    expect(niceAxis(31)).toEqual({ top: 40, step: 10, ticks: [0, 10, 20, 30, 40] });
    expect(niceAxis(0.7, 2)).toEqual({ top: 1, step: 0.5, ticks: [0, 0.5, 1] });
    expect(niceAxis(0.3)).toEqual({ top: 0.3, step: 0.1, ticks: [0, 0.1, 0.2, 0.3] });
    expect(niceAxis(0).top).toBe(1);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(1, 0)).toBe(0);
  });
  it('formats counts and shares without depending on the machine locale', () => {
    expect(formatCount(29760)).toBe('29,760');
    expect(formatShare(1, 8)).toBe('12.5%');
    expect(formatShare(0, 0)).toBe('0.0%');
  });
});

describe('chart geometry', () => {
  it('draws a stepped area one unit a column, as high as each value', () => {
    expect(stepArea([3, 0, 5], 6)).toBe('M0 6V3H1V6H2V1H3V6Z');
    expect(stepArea([], 1)).toBe('M0 1V1Z');
  });
  it('breaks a line at unknown values and draws a lone value across one step', () => {
    expect(lineRuns([10, 20, null, 5, 7.25], 40)).toEqual([['0,30', '1,20'], ['3,35', '4,32.75']]);
    expect(lineRuns([null, 4, null], 10)).toEqual([['1,6']]);
    expect(lineRuns([4], 10)).toEqual([['0,6', '1,6']]);
  });
});
