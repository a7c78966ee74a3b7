export { RecoupeDB, openDb, DEFAULT_DB_NAME } from './recoupe-db';
export type { StoredDispatch, DispatchSource, MetaRow, SettingRow } from './rows';
export { ensureSeeded, restoreBundled } from './seed';
export { loadIndex } from './corpus-index-store';
export { getDispatches, getDispatch, listDispatchInfo } from './corpus-read';
export { importDispatches, ImportError, type ImportFailure } from './import';
export { countWords } from './stored-dispatch';
export { importNdjson, NdjsonImportError } from './import-ndjson';
