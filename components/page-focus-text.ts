import type { PassageKind } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';
import type { PageResult } from '../messaging/protocol';

const KIND_NAMES: Record<PassageKind, MessageKey> = { verbatim: 'kindVerbatim', edited: 'kindEdited', translated: 'kindTranslated', 'same-fact': 'kindSameFact' };

/**
 * What the side panel's live region says when the reader's pointer or keyboard on the page selects
 * a passage here: its place in the list, its outlet and its kind ("Passage 3 of 7 selected: AFP,
 * verbatim copy"). Empty for a passage the list does not show.
 */
export function pageFocusText(result: Pick<PageResult, 'passages' | 'dispatchInfo'>, order: readonly number[], passage: number): string {
  const at = order.indexOf(passage);
  const p = result.passages[passage];
  if (at < 0 || !p) return '';
  const outlet = result.dispatchInfo[p.dispatch]?.outlet ?? p.dispatch;
  return t('uiPageFocusSelected', { n: at + 1, total: order.length, outlet, kind: t(KIND_NAMES[p.kind]) });
}
