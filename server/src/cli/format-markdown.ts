// The forecast as Markdown: a heading, a table per baseline and alternative, the top worlds.
// Text from the file is escaped so it can neither break the table nor inject HTML or links, and
// control and bidirectional-override characters are replaced (as in the terminal).
import type { Forecast, OutcomeForecast } from '../../../common/forecast';
import { escapeMarkdown } from '../../../common/text/markdown';
import { bandText, judgedText, percent, points, terminalSafe, topDrivers } from './format-common';

/** Text from a file as inert Markdown on one line, with control and bidi characters replaced. */
export function markdownText(text: string): string {
  return escapeMarkdown(terminalSafe(text.replace(/[\r\n]+/g, ' ')));
}

function table(outcomes: OutcomeForecast[], withDelta: boolean): string[] {
  const head = ['Outcome', 'Probability', 'Band', ...(withDelta ? ['Δ pts'] : []), 'Phrase', 'Judged', 'Top drivers (swing, pts)'];
  const align = ['---', '---:', '---:', ...(withDelta ? ['---:'] : []), '---', '---', '---'];
  const rows = outcomes.map((o) => [
    `**${markdownText(o.name)}** ${markdownText(o.label)}`,
    percent(o.probability),
    bandText(o.band),
    ...(withDelta ? [points(o.delta ?? 0)] : []),
    o.phrase,
    markdownText(judgedText(o)),
    markdownText(topDrivers(o.swing)),
  ]);
  return [head, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

export function formatMarkdown(f: Forecast): string {
  const lines: string[] = [`# ${markdownText(f.title)}`, ''];
  if (f.question) lines.push(`*${markdownText(f.question)}*`, '');
  const method = f.method === 'exact' ? 'exact' : `Monte Carlo, ${f.samples} samples`;
  const horizon = f.horizon ? `, horizon ${f.horizon.from} to ${f.horizon.to}` : '';
  lines.push(`Method: ${method}, seed ${f.seed}${horizon}.`, '');
  lines.push(...table(f.outcomes, false));
  if (f.worlds.length > 0) {
    lines.push('', '## Most probable worlds', '', '| Probability | Outcomes that hold |', '| ---: | --- |');
    for (const w of f.worlds) {
      const yes = Object.entries(w.outcomes).filter(([, v]) => v).map(([k]) => markdownText(k));
      lines.push(`| ${percent(w.probability)} | ${yes.length > 0 ? yes.join(', ') : 'none'} |`);
    }
  }
  for (const a of f.alternatives) {
    lines.push('', `## Alternative: ${markdownText(a.name)}`, '', ...table(a.outcomes, true));
  }
  return `${lines.join('\n')}\n`;
}
