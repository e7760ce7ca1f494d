/** Opens a file the user chose or dropped: a HAR (read as it streams, with progress) or NDJSON. */
import { importHar, isHarFile } from './import-har';
import { importSession } from './import-session';
import type { PanelStore } from './panel-store';

/** Progress shows only for files that take longer than this: a small file opens without a flash. */
const PROGRESS_AFTER_MS = 250;

export async function importFile(store: PanelStore, file: File): Promise<void> {
  const strict = store.strict.value;
  const mode = store.userMode.value;
  if (!(await isHarFile(file))) {
    store.openImported(importSession(file.name, await file.text(), strict, mode));
    return;
  }
  let fraction = 0;
  const progress = setTimeout(() => (store.importing.value = { name: file.name, fraction }), PROGRESS_AFTER_MS);
  try {
    const session = await importHar(file, { strict, mode, hosts: store.userHosts.value }, (read) => {
      fraction = read;
      if (store.importing.value) store.importing.value = { name: file.name, fraction };
    });
    store.openImported(session);
  } finally {
    clearTimeout(progress);
    store.importing.value = null;
  }
}
