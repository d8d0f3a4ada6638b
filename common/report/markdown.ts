// The report as Markdown: a heading, the method line, the key judgments, a table per baseline and
// alternative, the most probable worlds, and the factors and events with their sources. Text from the file goes
// through escapeMarkdown, so it reads as written but can never become markup (no HTML, no link,
// no broken table).
import { escapeMarkdown } from '../text/markdown';
import type { Report, ReportOutcome } from './report';

function table(outcomes: ReportOutcome[], withDelta: boolean): string[] {
  const head = ['Outcome', 'Probability', 'Band', ...(withDelta ? ['Δ pts'] : []), 'Phrase', 'Judged', 'Top drivers (swing, pts)'];
  const align = ['---', '---:', '---:', ...(withDelta ? ['---:'] : []), '---', '---', '---'];
  const rows = outcomes.map((o) => [
    `**${escapeMarkdown(o.name)}** ${escapeMarkdown(o.label)}${o.stale ? ` (last good numbers: ${escapeMarkdown(o.stale)})` : ''}`,
    o.probability.text,
    o.bandText,
    ...(withDelta ? [o.delta?.text ?? ''] : []),
    o.phraseText,
    escapeMarkdown(o.judged?.summary ?? ''),
    escapeMarkdown(o.topDrivers),
  ]);
  return [head, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

export function renderMarkdown(report: Report): string {
  const lines: string[] = [`# ${escapeMarkdown(report.title)}`, ''];
  if (report.question) lines.push(`*${escapeMarkdown(report.question)}*`, '');
  const horizon = report.horizon ? `, horizon ${escapeMarkdown(report.horizon.text)}` : '';
  lines.push(`Method: ${report.method.line}${horizon}.`, '');
  if (report.excludedText) lines.push(`> ${escapeMarkdown(report.excludedText)}`, '');
  if (report.keyJudgments.length > 0) {
    lines.push('## Key judgments', '', ...report.keyJudgments.map((k) => `- ${escapeMarkdown(k.text)}`), '', '## Outcomes', '');
  }
  lines.push(...table(report.outcomes, false));
  if (report.worlds.list.length > 0) {
    lines.push('', '## Most probable worlds', '', '| Probability | Outcomes that hold |', '| ---: | --- |');
    for (const w of report.worlds.list) {
      const holding = w.holding.length > 0 ? w.holding.map(escapeMarkdown).join(', ') : 'none';
      lines.push(`| ${w.probability.text} | ${holding} |`);
    }
  }
  for (const a of report.alternatives) {
    lines.push('', `## Alternative: ${escapeMarkdown(a.name)}`, '');
    if (a.assumptionsText) lines.push(`${escapeMarkdown(a.assumptionsText)}.`, '');
    if (a.evidence) lines.push(`${escapeMarkdown(a.evidence.text)}.`, '');
    if (a.outcomes.length > 0) lines.push(...table(a.outcomes, true));
  }
  if (report.inputs.length > 0) {
    // What the forecast rests on, with where each judgment comes from (for a reader of the paste).
    lines.push('', '## Factors and events', '', '| Input | Kind | Probability | As written | Sources |', '| --- | --- | ---: | --- | --- |');
    for (const i of report.inputs) {
      const stale = i.stale ? ` (last good numbers: ${escapeMarkdown(i.stale)})` : '';
      lines.push(`| **${escapeMarkdown(i.name)}** ${escapeMarkdown(i.label)}${stale} | ${i.kind} | ${i.probability.text} | ` +
        `${escapeMarkdown(i.text)} | ${i.sources.map(escapeMarkdown).join('; ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
