export { groupStories, MIN_FACT_PAIRS, FRAMING_PER_STORY } from './group';
export { linksOf, sharpestFirst, HINTS_PER_LINK } from './links';
export { directionOf, copyOfArticle } from './direction';
export { storyGraph } from './graph';
export { storyMatches, searchText, foldedWords, dayOf, type StoryQuery } from './filter';
export type * from './types';
