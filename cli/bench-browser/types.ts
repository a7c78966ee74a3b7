export type { PageReport } from '../../messaging/protocol';
export type { SegmentManifest } from '../../db/rows';
