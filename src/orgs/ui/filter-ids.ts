// The element ids the /orgs/ page renders and its filter script finds (one place for both).
export const ORG_FILTER_IDS = {
  box: 'org-filter',
  input: 'org-filter-input',
  status: 'org-filter-status',
  list: 'orgs',
} as const;
