// Vocabulary for synthetic abstracts and titles: embedded real research words at the head
// of each list and deterministic pseudo-words in the long tail, sampled with a Zipf law
// so the corpus has a realistic mix of very common and very rare terms.
import { rng } from './prng.ts';

const split = (s: string): string[] => s.trim().split(/\s+/);

export const NOUNS = split(`
model method approach framework network representation performance data training task
learning benchmark dataset algorithm analysis result loss objective policy agent reward
gradient optimization generalization distribution inference architecture transformer
attention layer embedding token sequence language vision image video audio speech text
graph node edge feature encoder decoder diffusion sampling noise prior posterior
likelihood estimator variance bias regularization dropout kernel matrix tensor vector
dimension space manifold geometry topology dynamics trajectory system environment
simulation controller robot manipulation navigation planning reasoning retrieval memory
context prompt instruction alignment preference feedback safety robustness fairness
privacy uncertainty calibration interpretability explanation causality intervention
counterfactual evaluation metric accuracy precision recall latency throughput efficiency
compression quantization pruning distillation sparsity scaling capacity depth width
parameter hyperparameter initialization convergence stability oscillation regime phase
transition complexity bound theorem proof assumption guarantee lemma constraint solver
problem solution function operator equation field flow score energy entropy information
divergence metric similarity contrast augmentation supervision label annotation corpus
domain shift adaptation transfer curriculum exploration exploitation bandit game
equilibrium mechanism auction market forecasting series signal spectrum frequency
resolution segmentation detection classification regression clustering ranking
recommendation generation synthesis editing rendering reconstruction pose scene object
surface mesh point cloud depth camera sensor trajectory motion physics fluid molecule
protein genome cell drug material crystal climate weather earthquake satellite map
traffic medical diagnosis clinical patient radiology pathology theorem conjecture
program code compiler bug repository query database schema table document summary
translation dialogue conversation question answer chain thought tool search engine
hardware accelerator memory bandwidth cache pipeline scheduler cluster throughput
precision budget cost tradeoff frontier horizon curriculum teacher student critic actor
verifier judge annotator crowd user interface game player world simulator emulator
tokenizer vocabulary grammar syntax semantics pragmatics morphology discourse narrative
hallucination bias toxicity jailbreak attack defense adversary perturbation watermark
certificate invariance equivariance symmetry group lattice graph hypergraph tree forest
ensemble mixture expert router gate residual normalization activation neuron circuit
feature probe steering direction subspace projection basis eigenvalue spectrum rank
factorization decomposition approximation interpolation extrapolation emergence phenomenon
grokking overfitting underfitting memorization plasticity forgetting continual lifelong
replay buffer rollout horizon discount return value critic advantage baseline estimator
`);

export const ADJECTIVES = split(`
deep neural large small efficient scalable robust stable adaptive generative discriminative
contrastive supervised unsupervised multimodal visual textual linguistic semantic syntactic
causal probabilistic stochastic deterministic bayesian variational implicit explicit
sparse dense low-rank high-dimensional nonlinear linear convex nonconvex differentiable
continuous discrete hierarchical recursive autoregressive bidirectional temporal spatial
spectral geometric topological physical biological chemical medical clinical financial
interpretable explainable faithful trustworthy safe secure private fair unbiased
efficient lightweight compact modular universal general specialized open closed
zero-shot few-shot in-context self-supervised semi-supervised weakly-supervised
multilingual cross-lingual multi-agent single-agent offline online federated distributed
decentralized parallel asynchronous synchronous incremental continual lifelong
long-context short-term long-term fine-grained coarse-grained global local structured
unstructured relational symbolic neuro-symbolic algebraic statistical empirical
theoretical practical novel simple unified principled systematic comprehensive extensive
significant consistent competitive strong weak optimal suboptimal approximate exact
benign harmful adversarial natural synthetic realistic diverse heterogeneous homogeneous
invariant equivariant orthogonal residual latent hidden observable partial complete
dynamic static sequential iterative hybrid dual joint conditional unconditional
reliable noisy clean expressive compositional emergent intrinsic extrinsic
`);

/** Regular verbs only: inflections are derived by spelling rules below. */
export const VERBS = split(`
improve learn train evaluate analyze propose introduce present study show demonstrate
achieve outperform reduce increase enhance enable support capture model predict estimate
generate produce compute optimize regularize generalize transfer adapt align aggregate
combine integrate extend explore exploit leverage utilize incorporate represent encode
decode retrieve rank cluster classify detect segment reconstruct render simulate sample
approximate interpolate characterize quantify measure compare validate verify guide
mitigate prevent address tackle bridge unify decompose factorize compress prune distill
quantize accelerate scale stabilize accelerate calibrate recover identify discover reveal
explain interpret highlight establish derive prove bound guarantee motivate inform
condition steer control navigate plan reason search explore summarize translate answer
annotate label filter select weight balance refine update initialize converge diverge
`);

export const ADVERBS = split(`
significantly substantially consistently effectively efficiently jointly explicitly
implicitly directly naturally empirically theoretically provably notably remarkably
further largely strongly surprisingly robustly simultaneously adaptively iteratively
`);

export const PREPOSITIONS = split(`of in for with on under across between through via from over within without beyond toward against among`);

export const DATASETS = split(`
ImageNet COCO CIFAR-10 CIFAR-100 MNIST GLUE SuperGLUE SQuAD MMLU GSM8K MATH HumanEval
MBPP ARC HellaSwag TruthfulQA BIG-Bench LongBench Kinetics-400 ScanNet nuScenes KITTI
Waymo LibriSpeech AudioSet WikiText C4 LAION-5B OpenWebText MS-MARCO BEIR D4RL Atari
MuJoCo Meta-World CALVIN RLBench ALFWorld WebArena SWE-bench MiniF2F ProofNet PubMedQA
MIMIC-III CheXpert ERA5 QM9 PDBbind OGB-LSC Cora PubMed ogbn-arxiv ScienceQA VQAv2
TextVQA DocVQA ChartQA MathVista MMMU Ego4D Something-Something ShapeNet Objaverse
`);

export const ORGANIZATIONS = [
  'Google DeepMind', 'Meta AI', 'Microsoft Research', 'Tsinghua University', 'Stanford University',
  'MIT CSAIL', 'ETH Zürich', 'Université Paris-Saclay', 'Allen Institute for AI', 'NVIDIA',
  'Carnegie Mellon University', 'Peking University', 'Alibaba DAMO Academy', 'Hugging Face',
  'University of Oxford', 'Max Planck Institute for Intelligent Systems', 'EPFL', 'KAIST',
  'Shanghai AI Laboratory', 'Mila - Quebec AI Institute', 'AT&T Labs', 'Sakana AI', 'Apple',
];

const ONSETS = split(`b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sc sk sl sm sn sp st str sw t th tr v w z`);
const VOWELS = split(`a e i o u a e i o a e i ea io ou`);
const CODAS = ['', '', '', '', 'n', 'r', 'l', 's', 'm', 'nt', 'st', 'rd', 'x', 'ct'];
const NOUN_ENDS = split(`tion ity ism ment ness er or on um ance ence ogy ics ure`);
const ADJ_ENDS = split(`al ive ous ic ary ant ent able ible ular oid`);
const VERB_ENDS = ['ize', 'ate', 'ify'];

function pseudoStem(r: ReturnType<typeof rng>): string {
  const syllables = r.next() < 0.55 ? 1 : 2;
  let w = '';
  for (let i = 0; i < syllables; i++) w += r.pick(ONSETS) + r.pick(VOWELS) + (i === syllables - 1 ? '' : r.pick(CODAS));
  return w;
}

/** Deterministic pseudo-words with a part-of-speech suffix, distinct from each other and from `taken`. */
function pseudoWords(count: number, ends: readonly string[], salt: number, taken: Set<string>): string[] {
  const r = rng(0x5eed0000 + salt);
  const out: string[] = [];
  while (out.length < count) {
    const w = pseudoStem(r) + r.pick(ends);
    if (w.length < 5 || w.length > 13 || taken.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}

/** Zipf–Mandelbrot sampler over a ranked list: p(rank r) ∝ 1 / (r + q)^s. */
export interface Zipf {
  readonly words: readonly string[];
  sample(u: number): string;
}

export function zipf(words: readonly string[], s = 1.2, q = 2.7): Zipf {
  const cdf = new Float64Array(words.length);
  let total = 0;
  for (let i = 0; i < words.length; i++) cdf[i] = total += 1 / Math.pow(i + 1 + q, s);
  for (let i = 0; i < words.length; i++) cdf[i] /= total;
  return {
    words,
    sample(u) {
      let lo = 0;
      let hi = words.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cdf[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      return words[lo];
    },
  };
}

/** Sizes of the pseudo-word tails; they set how many distinct terms a large corpus holds. */
export const TAIL = { nouns: 26000, adjectives: 9000, verbs: 3500 };

export interface Vocabulary {
  nouns: Zipf;
  adjectives: Zipf;
  verbs: Zipf;
  /** Pseudo-word stems for method names (MetaFormer-like). */
  nameParts: readonly string[];
}

let cached: Vocabulary | undefined;

/** The shared vocabulary, built once per process (fixed salt: the same for every seed). */
export function vocabulary(): Vocabulary {
  if (cached) return cached;
  const taken = new Set<string>([...NOUNS, ...ADJECTIVES, ...VERBS]);
  const nouns = [...new Set(NOUNS), ...pseudoWords(TAIL.nouns, NOUN_ENDS, 1, taken)];
  const adjectives = [...new Set(ADJECTIVES), ...pseudoWords(TAIL.adjectives, ADJ_ENDS, 2, taken)];
  const verbs = [...new Set(VERBS), ...pseudoWords(TAIL.verbs, VERB_ENDS, 3, taken)];
  const nr = rng(0x5eed0004);
  const nameParts: string[] = [];
  for (let i = 0; i < 400; i++) {
    const stem = pseudoStem(nr);
    nameParts.push(stem[0].toUpperCase() + stem.slice(1));
  }
  cached = { nouns: zipf(nouns), adjectives: zipf(adjectives), verbs: zipf(verbs), nameParts };
  return cached;
}

const SIBILANT = /(s|x|z|sh|ch)$/;
const CONSONANT_Y = /[^aeiou]y$/;

/** Third person singular: "improves", "classifies", "reaches". */
export function verbS(v: string): string {
  if (CONSONANT_Y.test(v)) return v.slice(0, -1) + 'ies';
  return SIBILANT.test(v) ? v + 'es' : v + 's';
}

/** Present participle: "improving", "classifying". */
export function verbIng(v: string): string {
  return v.endsWith('e') && !v.endsWith('ee') ? v.slice(0, -1) + 'ing' : v + 'ing';
}

/** Past participle: "improved", "classified". */
export function verbEd(v: string): string {
  if (CONSONANT_Y.test(v)) return v.slice(0, -1) + 'ied';
  return v.endsWith('e') ? v + 'd' : v + 'ed';
}

/** Plural of a noun: "models", "complexities", "approaches". */
export function plural(n: string): string {
  if (CONSONANT_Y.test(n)) return n.slice(0, -1) + 'ies';
  if (/(s|x|sh|ch)$/.test(n)) return n + 'es';
  return n + 's';
}
