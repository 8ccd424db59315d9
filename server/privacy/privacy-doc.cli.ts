/* eslint-disable no-console */
/** `npm run docs:privacy`: writes docs/PRIVACY.md from the need-to-know table and the data map. */
import { writeFileSync } from 'node:fs';
import { PRIVACY_DOC_PATH, renderPrivacyDoc } from './privacy-doc.js';

writeFileSync(PRIVACY_DOC_PATH, renderPrivacyDoc());
console.log(`Wrote ${PRIVACY_DOC_PATH}`);
