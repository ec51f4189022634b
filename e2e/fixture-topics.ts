// Which fixture papers each topic of topics.json holds, written by hand from the words in
// their titles and abstracts (e2e/fixtures/content/papers/): the expectation the topic pages,
// topic feeds and statistics are checked against, independent of the site's own matcher.
// Every topic holds at least one paper, so no check over a topic's items is empty.
export const FIXTURE_TOPICS: Record<string, readonly string[]> = {
  diffusion: ['fish-and-chips'], // "denoising"
  reasoning: ['repeat-listed-benchmark', 'quokka-gradient-descent'], // "Reasoning" in a title; "mathematical"
  agents: ['quokka-gradient-descent'], // "Agentic"
  multimodal: ['tiny-vision-transformer'], // "multimodal"
  robotics: ['organization-only-model'], // "embodied"
  'speech-audio': ['unknown-metadata-paper'], // "speech"
  efficiency: ['sparse-attention-atlas'], // "Sparse" in the title
  video: ['script-alert-title'], // "video"
  '3d': ['long-context-retrieval'], // "NeRF"
  'rl-alignment': ['repeat-listed-benchmark'], // "RLHF"
  code: ['sparse-attention-atlas'], // "program synthesis"
};
