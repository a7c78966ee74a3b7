/** 'paused': the reader paused Recoupe on this site or everywhere; nothing is analysed. */
export type PageState = 'matching' | 'done' | 'no-article' | 'error' | 'paused';

/** Published on <html> so tests and tools can tell when the analysis has finished and how many passages it lit. */
export function setPageState(state: PageState, passages?: number): void {
  const root = document.documentElement;
  root.setAttribute('data-recoupe-state', state);
  if (passages !== undefined) root.setAttribute('data-recoupe-passages', String(passages));
}
