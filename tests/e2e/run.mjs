// Runs the browser end-to-end tests against build/web.
//   node tests/e2e/run.mjs [name filter]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Suite } from './harness.mjs';
import { register as registerLearner, registerProgressFiles, registerReloadDuringSave } from './learner.test.mjs';
import { register as registerActivities } from './activities.test.mjs';
import { register as registerA11y } from './a11y.test.mjs';
import { register as registerShell, registerOffline, registerStorageFull } from './shell.test.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const suite = new Suite({
  webRoot: path.join(root, 'build', 'web'),
  artifactDir: path.join(root, 'build', 'test-artifacts', 'e2e'),
});
// The accessibility tests are among the longest: started first, they run
// beside the many short ones instead of after them.
registerA11y(suite);
registerShell(suite);
registerLearner(suite);
registerActivities(suite);
registerProgressFiles(suite);
registerReloadDuringSave(suite);
registerOffline(suite);
registerStorageFull(suite);

const ok = await suite.run(process.argv[2]);
process.exit(ok ? 0 : 1);
