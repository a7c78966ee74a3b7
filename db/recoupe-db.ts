import Dexie, { type Table } from 'dexie';
import type { SavedComparison } from '../saved/types';
import type { LocatedRow, MetaKey, MetaRow, SegmentRow, SettingRow, StagedRow, StoredDispatch } from './rows';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from './schema';
import { upgradeToV2 } from './upgrade-v2';
import { upgradeToV3 } from './upgrade-v3';
import { upgradeToV4 } from './upgrade-v4';

export const DEFAULT_DB_NAME = 'recoupe';

export class RecoupeDB extends Dexie {
  dispatches!: Table<StoredDispatch, string>;
  meta!: Table<MetaRow, MetaKey>;
  settings!: Table<SettingRow, string>;
  saved!: Table<SavedComparison, string>;
  segments!: Table<SegmentRow, string>;
  located!: Table<LocatedRow, string>;
  staged!: Table<StagedRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
  }
}

/** The database handle; Dexie opens it on first use. */
export function openDb(name: string = DEFAULT_DB_NAME): RecoupeDB {
  return new RecoupeDB(name);
}
