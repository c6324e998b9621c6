/** `npm run schema`: write scenarios/schema.json. */
import { join } from 'node:path';
import { writeFileAtomic } from '../io/files';
import { PRESET_DIR } from './files';
import { scenarioJsonSchema } from './json-schema';

const path = join(PRESET_DIR, 'schema.json');
writeFileAtomic(path, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${path}`);
