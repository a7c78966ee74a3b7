export { copyOfDispatch } from './copies';
export { paragraphOriginsFrom, type OriginEvidence } from './paragraph-origins';
export { inferOrigin, LEAD_HOURS } from './infer';
export { publicationSpan, spanOf, type TimeSpan } from './time';
export type { Confidence, CopyCredit, OriginInference, PassageCopy, Reason } from './types';
