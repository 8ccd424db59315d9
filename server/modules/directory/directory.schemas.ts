export {
  directoryBody, directoryEntrySchema, directoryUpdateBody, listDirectoryQuery, type DirectoryBody,
} from '../../../common/directory.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
