// Key judgments, after the bottom line: one sentence per outcome (common/report/keyJudgments.ts,
// the sentences Copy Key Judgments and the CLI give), each a button that picks the outcome and
// reveals its declaration as its row does, and a Copy that runs Scenario: Copy Key Judgments.
import { el, section } from '../dom';
import type { View } from './view';

export function keyJudgmentsSection(view: View, copy: () => void): HTMLElement | null {
  const { keyJudgments } = view.report;
  if (keyJudgments.length === 0) return null;
  const copyButton = el('button', { className: 'copy', attrs: { type: 'button', title: 'Copy the key judgments, one sentence a line', 'aria-label': 'Copy the key judgments' } }, ['Copy']);
  copyButton.dataset.key = 'copy-key-judgments';
  copyButton.dataset.action = 'copyKeyJudgments';
  copyButton.addEventListener('click', copy);
  return section('key-judgments', 'Key judgments', [
    el('div', { className: 'section-actions' }, [copyButton]),
    el('ul', { className: 'key-judgments' }, keyJudgments.map((k) => {
      const selected = k.outcome === view.selected;
      const attrs: Record<string, string> = { type: 'button', title: `Show the declaration of ${k.outcome}` };
      if (selected) attrs['aria-current'] = 'true';
      const item = el('button', { className: 'judgment', attrs }, [k.text]);
      item.dataset.key = `judgment:${k.outcome}`;
      item.addEventListener('click', () => {
        view.select(k.outcome);
        view.reveal(k.outcome);
      });
      return el('li', { className: selected ? 'selected' : '', attrs: { 'data-name': k.outcome } }, [item]);
    })),
  ]);
}
