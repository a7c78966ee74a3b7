import type { Hint, HintType } from '../engine/types';
import { en, type MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';

const STANCE_PARAMS = ['pageStance', 'sourceStance'] as const;

function known(key: string): key is MessageKey {
  return key in en;
}

/**
 * A framing hint in the interface language, from its code and params; `outlet` names the other
 * version. The engine's English note is shown only for a code this interface does not know.
 */
export function hintText(hint: Pick<Hint, 'code' | 'params' | 'note'>, outlet: string): string {
  const key = `hint:${hint.code}`;
  if (!known(key)) return hint.note;
  const params: Record<string, string> = { ...hint.params, outlet };
  for (const name of STANCE_PARAMS) {
    const stance = `stance:${params[name]}`;
    if (params[name] !== undefined && known(stance)) params[name] = t(stance);
  }
  return t(key, params);
}

export function hintTypeLabel(type: HintType): string {
  const key = `hintType:${type}`;
  return known(key) ? t(key) : type;
}
