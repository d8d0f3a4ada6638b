// `cycle`: drivers form an acyclic graph. The diagnostic sits on the driver line that closes the
// cycle (that line is left out of the forecast), names the whole cycle and points at every line
// along it.
import type { DriverStatement } from '../../syntax/ast';
import type { Diagnostic, RelatedInformation } from '../diagnostics';
import type { DriverGraph } from '../graph';
import type { Check } from './context';
import { diagnostic, q } from './context';

export const cycleCheck: Check = ({ graph }) => {
  const out: Diagnostic[] = [];
  for (const [line, cycle] of graph.closing) {
    const path = cycle.join(' → ');
    const message = cycle.length === 2
      ? `${q(cycle[0]!)} drives itself (${path}): an outcome cannot be its own driver; remove this line.`
      : `These drivers form a cycle: ${path}. Drivers must not lead back to where they start: remove or ` +
        'reverse one of these driver lines (this one is left out of the forecast until then).';
    out.push(diagnostic('cycle', line.name.span, message, { cycle, related: edgesOf(cycle, graph) }));
  }
  return out;
};

/** For each step a → b of the cycle, the line in b that names a. */
function edgesOf(cycle: string[], graph: DriverGraph): RelatedInformation[] {
  const related: RelatedInformation[] = [];
  for (let i = 0; i + 1 < cycle.length; i++) {
    const from = cycle[i]!;
    const to = cycle[i + 1]!;
    const line: DriverStatement | undefined = graph.edges.get(to)?.find((d) => d.name.text === from);
    if (line) related.push({ span: line.span, message: `${q(from)} ${line.direction} ${q(to)}` });
  }
  return related;
}
