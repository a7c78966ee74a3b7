export { agencyOf } from './agencies';
export { creditedAgencies, findCredits, isCreditLine, type Credit, type CreditKind, type CreditPlace } from './detect';
