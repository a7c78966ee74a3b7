import type { MarkedPiece } from './marked-text';

type MarkedTextProps = {
  pieces: MarkedPiece[];
  /** Which side the diff marks belong to: words only on the page are <ins>, only in the dispatch <del>. */
  side: 'page' | 'source';
  /** The hint whose words are emphasised (hovered or focused in a hint list). */
  activeHint: string | null;
};

/** A text with its marks, every piece rendered as text: shared terms and hint words as <mark>, changed words as <ins>/<del>. */
export function MarkedText({ pieces, side, activeHint }: MarkedTextProps) {
  return (
    <>
      {pieces.map((piece, i) => {
        let node = <>{piece.text}</>;
        if (piece.shared || piece.hints.length > 0) {
          const active = activeHint !== null && piece.hints.includes(activeHint);
          const classes = ['rc-fmark', piece.shared && 'rc-shared', piece.hints.length > 0 && 'rc-fhint', active && 'rc-fhint--active'].filter(Boolean).join(' ');
          node = (
            <mark class={classes} data-hint={piece.hints.length > 0 ? piece.hints.join(' ') : undefined} data-shared={piece.shared ? 'true' : undefined}>
              {piece.text}
            </mark>
          );
        }
        if (piece.diff) node = side === 'page' ? <ins class="rc-ins">{node}</ins> : <del class="rc-del">{node}</del>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}
