// `import-not-found`, `import-path`, `import-cycle`, `import-errors` and `duplicate-name` across
// files: found when the imports were merged (model/imports/merge.ts), reported with the rest.
import type { Check } from './context';

export const importsCheck: Check = ({ imports }) => imports.diagnostics;
