// The /orgs/ filter in the browser (bundled by Astro from src/pages/orgs/[...index].astro):
// shows the filter box, which the page renders hidden so that without a script the list is a
// plain list, and hides the organisations whose name does not contain what is typed (compared
// as src/orgs/org-name.ts's filterText: letters and digits only, without accents or case).
import { countOf } from '../../format/plural.ts';
import { filterText } from '../org-name.ts';
import { ORG_FILTER_IDS as IDS } from './filter-ids.ts';

const box = document.getElementById(IDS.box);
const input = document.getElementById(IDS.input) as HTMLInputElement | null;
const status = document.getElementById(IDS.status);
const list = document.getElementById(IDS.list);

// An archive without organisations has no list, and so no box to show.
if (box && input && status && list) {
  const items = [...list.children] as HTMLElement[];
  // Each name folded once: a keystroke then costs one substring test per organisation.
  const names = items.map((li) => filterText(li.querySelector('a')?.textContent ?? ''));

  const apply = (): void => {
    const query = filterText(input.value);
    let shown = 0;
    items.forEach((li, i) => {
      const hit = names[i].includes(query);
      li.hidden = !hit;
      if (hit) shown++;
    });
    status.textContent = query === '' ? '' : shown === 0 ? 'No organisation matches.' : `${shown} of ${countOf(items.length, 'organisation')}.`;
  };

  input.addEventListener('input', apply);
  box.hidden = false;
  // A value the browser restored (back button) filters at once.
  if (input.value) apply();
}
