// Importing a carrier's tracking file: the same call previews (commit false: everything is done
// and rolled back, so the counts are what an import does) and imports.
import { Shipping } from '../../../lib/backend';
import { readBase64 } from '../../../lib/files';
import { useInvalidatingMutation } from '../../../lib/mutations';
import type { shipping } from '../../../../wailsjs/go/models';

export type TrackingImport = shipping.TrackingImport;
export type SkippedRow = shipping.SkippedRow;

/** Reads the file and asks the backend; new events ship and deliver orders, so both areas refresh. */
export const useImportTracking = () =>
  useInvalidatingMutation(
    async ({ file, commit }: { file: File; commit: boolean }) => Shipping.ImportTracking(file.name, await readBase64(file), commit),
    [['shipping'], ['orders']],
  );
