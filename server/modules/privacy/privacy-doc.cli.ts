import { writeFileSync } from 'node:fs';
import { renderPrivacyDoc } from './privacy-doc.js';

// npm run docs:privacy: regenerates docs/PRIVACY.md from the need-to-know table and the data map.
writeFileSync(new URL('../../../docs/PRIVACY.md', import.meta.url), renderPrivacyDoc());
process.stdout.write('docs/PRIVACY.md written\n');
