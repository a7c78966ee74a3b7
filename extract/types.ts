/**
 * A run of article text copied verbatim from one DOM text node:
 * `text.slice(textStart, textStart + nodeEnd - nodeStart) === node.data.slice(nodeStart, nodeEnd)`.
 * Characters of the article text not covered by any piece (block separators, collapsed
 * whitespace that had no plain space to point at) have no DOM position.
 */
export interface TextPiece {
  node: Text;
  nodeStart: number;
  nodeEnd: number;
  textStart: number;
}

export interface ExtractedArticle {
  title: string;
  /** Blocks joined by "\n\n", <br> as "\n", whitespace collapsed the way a browser renders it. */
  text: string;
  words: number;
  /** Sorted by textStart, non-overlapping. */
  pieces: TextPiece[];
  /**
   * Where the pieces' nodes live: the documents and open shadow roots the text was read from (one
   * may hold none), so that watching them costs no look-up per piece.
   */
  roots: Node[];
  /** True when the text was cut at `maxChars`. */
  truncated?: boolean;
  /** The elements the text was read under (the article's containers), for one document's extraction only. */
  scope?: Element[];
}

export interface ExtractOptions {
  /** Stop adding text after this many characters (huge pages). */
  maxChars?: number;
}

/** A DOM position range inside one text node. */
export interface NodeSlice {
  node: Text;
  startOffset: number;
  endOffset: number;
}
