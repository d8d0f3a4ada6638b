// Every check of LANGUAGE.md's table except those that need a forecast (FORECAST_CODES:
// `judgment` in engine/judgment.ts, `observe-impossible` in observeImpossible.ts) and the one that
// needs today's date (`resolution-future` in resolution.ts, added by analyzeSource).
import { alternativeConflictCheck } from './alternativeConflict';
import { alternativeTargetCheck } from './alternativeTarget';
import type { Check } from './context';
import { cycleCheck } from './cycle';
import { duplicateDriverCheck } from './duplicateDriver';
import { hedgeWordCheck } from './hedgeWord';
import { importsCheck } from './imports';
import { missingValueCheck } from './missingValue';
import { multiplierBelowOneCheck } from './multiplier';
import { duplicateNameCheck, unknownNameCheck } from './names';
import { probabilityBoundsCheck } from './probabilityBounds';
import { rangeOrderCheck } from './rangeOrder';
import { duplicateResolutionCheck } from './resolution';
import {
  duplicateScenarioCheck, horizonOrderCheck, invalidDateCheck, samplesBoundsCheck,
} from './scenarioSettings';
import { syntaxCheck } from './syntax';
import { unusedCheck } from './unused';

export const CHECKS: readonly Check[] = [
  syntaxCheck,
  importsCheck,
  unknownNameCheck,
  duplicateNameCheck,
  probabilityBoundsCheck,
  rangeOrderCheck,
  multiplierBelowOneCheck,
  hedgeWordCheck,
  samplesBoundsCheck,
  horizonOrderCheck,
  invalidDateCheck,
  cycleCheck,
  missingValueCheck,
  duplicateDriverCheck,
  duplicateScenarioCheck,
  alternativeTargetCheck,
  alternativeConflictCheck,
  duplicateResolutionCheck,
  unusedCheck,
];
