// Titles and abstracts for synthetic papers: a small template grammar over the Zipf
// vocabulary, with the quirks real dumps show (double spaces, unicode, LaTeX remnants,
// URLs, Markdown-looking characters that must stay literal).
import type { Rng } from './prng.ts';
import {
  ADVERBS, DATASETS, PREPOSITIONS, plural, verbEd, verbIng, verbS, vocabulary,
} from './words.ts';

/** Abstract length bounds in characters (code points), as in the real dumps. */
export const ABSTRACT_MIN = 1300;
export const ABSTRACT_MAX = 1950;

const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
const MINOR = /^(of|for|and|in|on|with|via|the|a|an|to|from)$/;
const titleCase = (s: string): string =>
  articles(s)
    .split(' ')
    .map((w, i, all) => (i > 0 && MINOR.test(w) && !/[:?]$/.test(all[i - 1]) ? w : cap(w)))
    .join(' ');

/** What one paper is about: words its title and abstract keep coming back to. */
export interface Topic {
  name: string;
  nouns: string[];
  adjectives: string[];
  verbs: string[];
}

export function topic(r: Rng): Topic {
  const v = vocabulary();
  const nouns = [v.nouns.sample(r.next() * 0.6), v.nouns.sample(r.next() * 0.8), v.nouns.sample(r.next())];
  const adjectives = [v.adjectives.sample(r.next() * 0.7), v.adjectives.sample(r.next())];
  const verbs = [v.verbs.sample(r.next() * 0.7), v.verbs.sample(r.next())];
  return { name: methodName(r), nouns, adjectives, verbs };
}

const GREEK = ['α', 'β', 'γ', 'δ', 'λ', 'π', 'σ', 'τ', 'ε', 'μ'];

/** "MetaFormer", "CLASSP", "Dale-2", "αZero": the short names papers give their method. */
function methodName(r: Rng): string {
  const v = vocabulary();
  const kind = r.next();
  if (kind < 0.35) {
    let s = '';
    for (let i = r.int(3, 6); i > 0; i--) s += String.fromCharCode(65 + r.int(0, 25));
    return s;
  }
  if (kind < 0.8) return r.pick(v.nameParts) + r.pick(v.nameParts);
  if (kind < 0.93) return r.pick(v.nameParts) + '-' + r.pick(['VL', 'R1', 'XL', 'Bench', 'Agent', 'Gym', String(r.int(2, 9))]);
  return r.pick(GREEK) + r.pick(v.nameParts);
}

function noun(r: Rng, t: Topic): string {
  return r.chance(0.35) ? r.pick(t.nouns) : vocabulary().nouns.sample(r.next());
}
function adj(r: Rng, t: Topic): string {
  return r.chance(0.3) ? r.pick(t.adjectives) : vocabulary().adjectives.sample(r.next());
}
function verb(r: Rng, t: Topic): string {
  return r.chance(0.3) ? r.pick(t.verbs) : vocabulary().verbs.sample(r.next());
}
const SINGULAR_DETERMINERS = ['the', 'a', 'this', 'each', 'every', 'our', 'such a'];
const PLURAL_DETERMINERS = ['the', 'these', 'our', 'such', 'their', 'many', 'existing'];

function nounPhrase(r: Rng, t: Topic, many: boolean): string {
  let s = r.chance(0.6) ? r.pick(many ? PLURAL_DETERMINERS : SINGULAR_DETERMINERS) + ' ' : '';
  if (r.chance(0.6)) s += adj(r, t) + ' ';
  const head = noun(r, t);
  if (r.chance(0.3)) {
    const modifier = noun(r, t);
    if (modifier !== head) s += modifier + ' ';
  }
  return s + (many ? plural(head) : head);
}
function np(r: Rng, t: Topic): string {
  return nounPhrase(r, t, r.chance(0.4));
}
/** A subject and its verb, in agreement: "the model improves" / "these models improve". */
function clause(r: Rng, t: Topic): string {
  const many = r.chance(0.4);
  const v = verb(r, t);
  return `${nounPhrase(r, t, many)} ${many ? v : verbS(v)}`;
}
/** "a" before a vowel sound becomes "an" (by spelling; good enough here). */
function articles(s: string): string {
  return s.replace(/\b([Aa]) ([aeiouAEIOU])/g, '$1n $2');
}
function pp(r: Rng, t: Topic): string {
  return r.pick(PREPOSITIONS) + ' ' + np(r, t);
}
function num(r: Rng): string {
  const k = r.next();
  if (k < 0.4) return `${r.int(1, 99)}.${r.int(0, 9)}%`;
  if (k < 0.6) return `${r.int(2, 20)}x`;
  if (k < 0.8) return `${r.int(1, 70)}B`;
  return String(r.int(2, 5000));
}

const SENTENCES: ReadonlyArray<(r: Rng, t: Topic) => string> = [
  (r, t) => `${cap(clause(r, t))} ${np(r, t)} ${pp(r, t)}.`,
  (r, t) => `In this paper, we ${verb(r, t)} ${t.name}, a ${adj(r, t)} ${noun(r, t)} that ${verbS(verb(r, t))} ${np(r, t)} ${pp(r, t)}.`,
  (r, t) => `However, ${clause(r, t)} ${np(r, t)} when ${nounPhrase(r, t, false)} is ${adj(r, t)}.`,
  (r, t) => `To address this, we ${verb(r, t)} ${np(r, t)} and ${verb(r, t)} ${np(r, t)} ${pp(r, t)}.`,
  (r, t) => `Experiments on ${r.pick(DATASETS)} and ${r.pick(DATASETS)} show that ${t.name} ${verbS(verb(r, t))} ${np(r, t)} by ${num(r)} while ${verbIng(verb(r, t))} ${np(r, t)}.`,
  (r, t) => `${cap(r.pick(ADVERBS))}, ${nounPhrase(r, t, false)} ${verbEd(verb(r, t))} ${pp(r, t)} ${verbS(verb(r, t))} ${np(r, t)}.`,
  (r, t) => `We ${r.pick(ADVERBS)} ${verb(r, t)} ${np(r, t)}, ${verbIng(verb(r, t))} ${np(r, t)} ${pp(r, t)} and ${np(r, t)}.`,
  (r, t) => `Our ${noun(r, t)} ${verbS(verb(r, t))} ${num(r)} ${plural(noun(r, t))} ${pp(r, t)}, ${verbIng(verb(r, t))} ${np(r, t)}.`,
  (r, t) => `Unlike ${np(r, t)}, ${t.name} ${verbS(verb(r, t))} ${np(r, t)} without ${np(r, t)}.`,
  (r, t) => `We further ${verb(r, t)} that ${clause(r, t)} ${np(r, t)}, which in turn ${verbS(verb(r, t))} ${np(r, t)} ${pp(r, t)}.`,
  (r, t) => `These ${plural(noun(r, t))} ${verb(r, t)} ${np(r, t)} and ${verb(r, t)} ${np(r, t)} ${pp(r, t)}.`,
];

/** Occasional oddities copied from the real pages: LaTeX remnants, symbols, literal markup. */
const QUIRKS: ReadonlyArray<(r: Rng, t: Topic) => string> = [
  (r, t) => `We call this \\textbf{${t.name[0]}}earned \\textbf{${noun(r, t)[0]}}${noun(r, t)} ${noun(r, t)}.`,
  (r, t) => `This holds {\\it without} ${np(r, t)}, a ${'``'}${adj(r, t)}'' ${noun(r, t)}.`,
  (r, t) => `On a budget of sim${r.int(2, 90)}B tokens and ${r.int(2, 64)}timesH100 GPUs, ${t.name} ${verbS(verb(r, t))} ${np(r, t)}.`,
  (r, t) => `The ${noun(r, t)} scales as O(n^{${r.int(1, 3)}+α}) with exponent α=${r.int(1, 9) / 10} and period 2π.`,
  (r, t) => `We denote by x_t the ${noun(r, t)} at step t and by *${noun(r, t)}* its ${noun(r, t)} [${r.int(1, 40)}], with ${noun(r, t)} < ${r.int(1, 50)}% & ${noun(r, t)}_${r.int(0, 9)} <= 1.`,
  (r, t) => `Code is available at https://github.com/${t.name.toLowerCase().replace(/[^a-z0-9]/g, '') || 'lab'}-lab/${noun(r, t)}-${noun(r, t)}.`,
  (r, t) => `Li_${r.int(2, 9)} and ${t.name}-${r.int(2, 9)} differ in ${np(r, t)} (Schrödinger-type ${noun(r, t)}, naïve ${noun(r, t)}).`,
];

/** One abstract, 1,300–1,950 characters, sometimes cut mid-sentence like the real page. */
export function abstract(r: Rng, t: Topic): string {
  const target = r.int(ABSTRACT_MIN + 20, ABSTRACT_MAX);
  const parts: string[] = [];
  let length = -1;
  let quirks = r.chance(0.35) ? r.int(1, 2) : 0;
  parts.push(articles(SENTENCES[r.chance(0.5) ? 0 : 2](r, t)));
  length += parts[0].length + 1;
  while (length < target) {
    let s: string;
    if (quirks > 0 && r.chance(0.15)) {
      quirks--;
      s = r.pick(QUIRKS)(r, t);
    } else s = articles(r.pick(SENTENCES)(r, t));
    parts.push(s);
    length += s.length + 1;
  }
  let text = parts.join(' ');
  if ([...text].length > ABSTRACT_MAX || r.chance(0.1)) {
    // Cut on a word boundary at or below the target, as the page's truncation does.
    const chars = [...text].slice(0, target);
    const cut = chars.lastIndexOf(' ');
    text = chars.slice(0, cut).join('').replace(/[ ,;:]+$/, '');
  }
  return text;
}

const TITLES: ReadonlyArray<(r: Rng, t: Topic) => string> = [
  (r, t) => `${t.name}: ${titleCase(`${verbIng(verb(r, t))} ${adj(r, t)} ${plural(noun(r, t))} for ${adj(r, t)} ${noun(r, t)}`)}`,
  (r, t) => `${t.name}: ${titleCase(`a ${adj(r, t)} ${noun(r, t)} for ${noun(r, t)} ${noun(r, t)}`)}`,
  (r, t) => `${t.name}: ${titleCase(`${adj(r, t)} ${noun(r, t)} via ${adj(r, t)} ${noun(r, t)}`)}`,
  (r, t) => titleCase(`towards ${adj(r, t)} ${plural(noun(r, t))} in ${adj(r, t)} ${noun(r, t)} ${noun(r, t)}`),
  (r, t) => titleCase(`on the ${noun(r, t)} of ${adj(r, t)} ${plural(noun(r, t))} with ${adj(r, t)} ${plural(noun(r, t))}`),
  (r, t) => titleCase(`${verbIng(verb(r, t))} ${adj(r, t)} ${plural(noun(r, t))} with ${adj(r, t)} ${noun(r, t)} ${plural(noun(r, t))}`),
  (r, t) => `${cap(noun(r, t))} Is All You Need for ${titleCase(`${adj(r, t)} ${noun(r, t)} ${noun(r, t)}`)}`,
  (r, t) => titleCase(`a survey of ${adj(r, t)} ${plural(noun(r, t))}: ${plural(noun(r, t))}, ${plural(noun(r, t))} and ${plural(noun(r, t))}`),
  (r, t) => `When ${titleCase(`${noun(r, t)} meets ${noun(r, t)}: ${adj(r, t)} ${noun(r, t)} for ${plural(noun(r, t))}`)}`,
  (r, t) => `Do ${titleCase(`${adj(r, t)} ${plural(noun(r, t))}`)} Really ${cap(verb(r, t))} ${titleCase(`${plural(noun(r, t))}? a study of ${adj(r, t)} ${noun(r, t)}`)}`,
  (r, t) => `Position: ${titleCase(`${adj(r, t)} ${plural(noun(r, t))} should ${verb(r, t)} ${adj(r, t)} ${plural(noun(r, t))}`)}`,
  (r, t) => cap(`${np(r, t)} ${verbS(verb(r, t))} ${adj(r, t)} ${plural(noun(r, t))} in ${adj(r, t)} ${plural(noun(r, t))}`),
  (r, t) => titleCase(`learning to ${verb(r, t)} ${adj(r, t)} ${plural(noun(r, t))} from ${adj(r, t)} ${noun(r, t)}`),
];

const TITLE_EXTRAS: ReadonlyArray<(r: Rng, t: Topic) => string> = [
  (r) => ` with Q* ${cap(vocabulary().nouns.sample(r.next()))}`,
  (r) => ` at pass@${r.int(1, 10)} & Beyond`,
  () => ' with <think> Tokens',
  (r) => ` for x_${r.pick(['t', 'i', '0'])} Prediction`,
  (r) => ` in ${r.pick(['α', 'β', 'λ', 'π'])}-${cap(vocabulary().nouns.sample(r.next()))} Space`,
  () => ': the R&D Perspective',
  (r) => ` under ${r.int(2, 9)}-bit *${cap(vocabulary().nouns.sample(r.next()))}*`,
];

/** One title; some keep runs of double spaces or carry symbols a renderer must not interpret. */
export function title(r: Rng, t: Topic): string {
  let s = r.pick(TITLES)(r, t);
  if (r.chance(0.06)) s += r.pick(TITLE_EXTRAS)(r, t);
  if (r.chance(0.04)) {
    const words = s.split(' ');
    const at = r.int(1, Math.max(1, words.length - 1));
    s = words.slice(0, at).join(' ') + '  ' + words.slice(at).join(' ');
  }
  return s;
}
