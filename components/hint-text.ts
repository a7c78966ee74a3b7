import type { Hint, HintType } from '../engine/types';
import { en, type MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';

const STANCE_PARAMS = ['pageStance', 'sourceStance'] as const;
/** Params the wordings place inside a sentence: the credited sources, quoted as the texts give them. */
const CREDIT_CODES = new Set(['credit-differs', 'credit-only-page', 'credit-only-source']);

/**
 * A credited source placed inside a sentence: a French article capitalised only because it opened
 * the text's clause ("Le président russe") is lowercased ("le président russe"); a name whose
 * article belongs to it ("Le Monde", capital after the article) stays as written.
 */
export function midSentence(source: string): string {
  return source.replace(/^(Le|La|Les|L[’'])(?=\s*\p{Ll})/u, (article) => article.toLowerCase());
}

function known(key: string): key is MessageKey {
  return key in en;
}

/** What the compared text is: a news page, or a corpus dispatch read in the reading view. */
export type SelfKind = 'page' | 'dispatch';

/** "this page" / "This page" / "on this page", or the same for a dispatch or a named outlet, to fill hint wordings. */
export function selfParams(self: SelfKind | { outlet: string }): Record<'self' | 'Self' | 'onSelf', string> {
  if (typeof self === 'object') return { self: self.outlet, Self: self.outlet, onSelf: t('storiesIn', { outlet: self.outlet }) };
  return { self: t(`self:${self}`), Self: t(`Self:${self}`), onSelf: t(`onSelf:${self}`) };
}

/**
 * A framing hint in the interface language, from its code and params; `outlet` names the other
 * version, `self` what the compared text is. The engine's English note is shown only for a code
 * this interface does not know.
 */
export function hintText(hint: Pick<Hint, 'code' | 'params' | 'note'>, outlet: string, self: SelfKind | { outlet: string } = 'page'): string {
  const key = `hint:${hint.code}`;
  if (!known(key)) return hint.note;
  const params: Record<string, string> = { ...hint.params, outlet, ...selfParams(self) };
  if (CREDIT_CODES.has(hint.code ?? '')) for (const name of ['page', 'source']) if (params[name] !== undefined) params[name] = midSentence(params[name]);
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
