import { setLanguage } from '../../i18n/t';
import { startCard } from './card-controller';
import { applyHighlights, clearHighlights, pruneOnRemoval, type Marks } from './highlights';
import { linkToPanel } from './panel-link';
import { groupPassages } from './passage-groups';
import { clearSavedMarks, loneMarks, SavedMarks } from './saved-marks';
import type { DrawInput, Drawing, PageUi } from './ui-api';

/**
 * Highlights the matched passages of the reader's kinds (in the page and in the same-origin frames
 * their text lives in), marks saved ones and arms the card; ranges over text the page removes or
 * edits later leave the highlights.
 */
export function drawMatch({ article, result, saved: found, kinds, language, onChange }: DrawInput): Drawing {
  setLanguage(language);
  let stopCard = () => {};
  let stopPruning = () => {};
  // The side panel's selection scrolls the page even to a passage of a kind the reader hides.
  const link = linkToPanel(article, result);
  const undo = () => {
    stopPruning();
    link.stop();
    stopCard();
    clearHighlights();
    clearSavedMarks();
  };
  try {
    const groups = groupPassages(result.passages, article.text.length).filter((g) => !kinds || kinds.includes(g.kind));
    const saved = new SavedMarks(article, found);
    const counts = () => ({ passages, ...saved.counts() });
    let passages = 0;
    const marks: Marks =
      groups.length > 0 ? applyHighlights(article, groups, saved.marks) : { groups: [], byNode: new Map(), rangesFor: () => [], aroundSaved: () => {} };
    saved.onAdd = () => marks.aroundSaved(saved.marks);
    const drawn = marks.groups.filter((g) => g.ranges.length > 0);
    passages = new Set(drawn.flatMap((g) => g.passages)).size;
    // A saved passage that no highlight covers (its dispatch no longer matches) still gets a card.
    const lone = loneMarks(saved.marks, drawn, result.passages.map((p) => p.page));
    if (passages > 0 || lone.marks.length > 0) stopCard = startCard(marks, result, saved, () => onChange(counts()), link.pointed, lone);
    // Once drawn, so that the frames painted are watched too.
    stopPruning = pruneOnRemoval();
    return { drawn: counts(), undo };
  } catch (err) {
    undo();
    throw err;
  }
}

export const pageUi: PageUi = { draw: drawMatch, setLanguage };
