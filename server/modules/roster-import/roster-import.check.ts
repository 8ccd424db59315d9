import type { OneRosterVersion, RosterFile } from '../../../common/roster-import.js';
import { csvRecords, StructuralError, type CsvRecord } from './csv-stream.js';
import type { RosterPackage } from './package-source.js';
import { Columns, readManifest, versionOf, type FileMode } from './roster-import.policy.js';

/** What the package holds, checked before anything is written: the mode of each file and its columns. */
export interface PackagePlan {
  version: OneRosterVersion;
  modes: Record<RosterFile, FileMode>;
  columns: Partial<Record<RosterFile, Columns>>;
  /** Bytes of CSV the import will read (progress total). */
  total: number;
}

const DATA_FILES = ['orgs.csv', 'users.csv', 'roles.csv', 'classes.csv', 'enrollments.csv', 'demographics.csv'] as const;

async function headerOf(pkg: RosterPackage, file: RosterFile): Promise<string[]> {
  for await (const batch of csvRecords(pkg.open(file), file)) {
    return batch[0]!.fields;
  }
  throw new StructuralError(`${file} is empty: it has no header line`, file, 1);
}

/**
 * Reads the manifest and the header line of every file the manifest sends. Throws a StructuralError naming the
 * file (and the header) for a missing file, a missing required header or a manifest this import cannot follow.
 */
export async function checkPackage(pkg: RosterPackage): Promise<PackagePlan> {
  if (!pkg.has('manifest.csv')) throw new StructuralError('manifest.csv is missing from the package', 'manifest.csv', null);
  const manifest = new Map<string, string>();
  let manifestColumns: Columns | undefined;
  for await (const batch of csvRecords(pkg.open('manifest.csv'), 'manifest.csv')) {
    for (const record of batch as CsvRecord[]) {
      if (!manifestColumns) { manifestColumns = Columns.of('manifest.csv', record.fields); continue; }
      const name = manifestColumns.get(record.fields, 'propertyName');
      if (name) manifest.set(name, manifestColumns.get(record.fields, 'value'));
    }
  }
  if (!manifestColumns) throw new StructuralError('manifest.csv is empty: it has no header line', 'manifest.csv', 1);
  const version = versionOf(manifest.get('oneroster.version'), pkg.has('roles.csv'));
  const modes = readManifest(manifest, (file) => pkg.has(file), version);
  const columns: PackagePlan['columns'] = {};
  let total = 0;
  for (const file of DATA_FILES) {
    if (modes[file] === 'absent') continue;
    columns[file] = Columns.of(file, await headerOf(pkg, file), version);
    total += pkg.size(file);
  }
  return { version, modes, columns, total };
}
