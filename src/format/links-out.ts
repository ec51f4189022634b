// Where a paper can be read: searches for its exact title on the sites that hold papers.
// The dumps carry no arXiv id, so each link opens a search for the title as captured.

export interface LinkOut {
  /** Short label for list items. */
  label: string;
  /** Longer accessible name. */
  name: string;
  href: string;
}

const q = (s: string) => encodeURIComponent(s);
const quoted = (title: string) => `"${title.replace(/"/g, '')}"`;

/** Title searches: arXiv and Hugging Face papers first (list items show those two). */
export function linksOut(title: string): LinkOut[] {
  return [
    { label: 'arXiv', name: `Search arXiv for “${title}”`, href: `https://arxiv.org/search/?searchtype=title&query=${q(quoted(title))}` },
    { label: 'Hugging Face', name: `Search Hugging Face papers for “${title}”`, href: `https://huggingface.co/papers?q=${q(title)}` },
    { label: 'Semantic Scholar', name: `Search Semantic Scholar for “${title}”`, href: `https://www.semanticscholar.org/search?q=${q(title)}` },
    { label: 'Google Scholar', name: `Search Google Scholar for “${title}”`, href: `https://scholar.google.com/scholar?q=${q(quoted(title))}` },
  ];
}
