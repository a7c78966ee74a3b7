export { agencyOf } from './agencies';
export { creditedAgencies, findCredits, type Credit, type CreditKind, type CreditPlace } from './detect';
