// The bottom line of a forecast, read first: the question, the outcomes that answer it, and the
// analyst's calls the forecast contradicts; and what the band and the ± beside a number mean, said
// once for every surface that shows them. Pure, over the report (its numbers are already formatted).
import { formatCount } from '../text/numbers';
import type { Report, ReportOutcome } from './report';

/** What a band is, said wherever bands are shown (it is easily read as a confidence interval). */
export const BAND_MEANING =
  'The band is the 5th to 95th percentile of the probability as the uncertain inputs (the ranges written in the file) vary: ' +
  'the spread those inputs cause, not a confidence interval.';

/** What the ± beside a Monte Carlo probability is. */
export const STANDARD_ERROR_MEANING =
  '± is the Monte Carlo standard error, in percentage points; each probability is rounded to what its error supports.';

export interface BottomLine {
  question: string | null;
  /** The outcomes more likely than not, most likely first; when none is, the most likely one. */
  answers: ReportOutcome[];
  /** "More likely than not", or "None is more likely than not; the most likely". */
  answersLead: string;
  /** The outcomes with a `judged` call. */
  judged: ReportOutcome[];
  /** Those whose call the forecast contradicts, in file order. */
  contradicted: ReportOutcome[];
  /** "The forecast contradicts 1 of 3 judged calls.", "The forecast agrees with all 3 judged calls.", or "". */
  judgedText: string;
}

/** The outcomes whose `judged` call the forecast contradicts (an observed outcome has no call checked). */
export function contradictedCalls(outcomes: readonly ReportOutcome[]): ReportOutcome[] {
  return outcomes.filter((o) => o.judged?.contradicted === true);
}

const calls = (n: number) => `${formatCount(n)} judged call${n === 1 ? '' : 's'}`;

export function bottomLine(report: Report): BottomLine {
  const byProbability = [...report.outcomes].sort((a, b) => b.probability.value - a.probability.value);
  const likely = byProbability.filter((o) => o.probability.value > 0.5);
  const answers = likely.length > 0 ? likely : byProbability.slice(0, 1);
  const judged = report.outcomes.filter((o) => o.judged !== null);
  const contradicted = contradictedCalls(report.outcomes);
  const judgedText =
    judged.length === 0 ? ''
      : contradicted.length === 0 ? `The forecast agrees with ${judged.length === 1 ? 'the' : 'all'} ${calls(judged.length)}.`
        : `The forecast contradicts ${formatCount(contradicted.length)} of ${calls(judged.length)}.`;
  return {
    question: report.question,
    answers,
    answersLead: likely.length > 0 ? 'More likely than not' : 'None is more likely than not; the most likely',
    judged,
    contradicted,
    judgedText,
  };
}
