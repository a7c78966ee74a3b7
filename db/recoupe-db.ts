import Dexie, { type Table } from 'dexie';
import type { MetaKey, MetaRow, SettingRow, StoredDispatch } from './rows';
import { SCHEMA_V1 } from './schema';

export const DEFAULT_DB_NAME = 'recoupe';

export class RecoupeDB extends Dexie {
  dispatches!: Table<StoredDispatch, string>;
  meta!: Table<MetaRow, MetaKey>;
  settings!: Table<SettingRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** The database handle; Dexie opens it on first use. */
export function openDb(name: string = DEFAULT_DB_NAME): RecoupeDB {
  return new RecoupeDB(name);
}
