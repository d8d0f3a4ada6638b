// The track record's view model and renderers (common/report/trackRecord.ts): numbers through
// the one formatter, file text escaped for each format.
import { describe, expect, it } from 'vitest';
import type { ScoredQuestion, TrackRecord } from '../../common/scores';
import { trackRecordCsv, trackRecordMarkdown, trackRecordView } from '../../common/report/trackRecord';
import { renderScoreText } from '../../server/src/cli/score';
import { summarize } from '../../server/src/history/score';

const HOSTILE = 'Evil | *bold* <img src=x onerror=alert(1)> =cmd\u001b[31m';

function recordOf(questions: ScoredQuestion[]): TrackRecord {
  return { questions, summary: summarize(questions), skipped: [], historyMissing: [], files: 1 };
}

const q: ScoredQuestion = {
  file: 'a.scenario', name: 'talks', kind: 'outcome', label: HOSTILE, resolved: true, date: '2025-11-02', forecast: 0.85,
  judged: 0.675, commit: 'a'.repeat(40), recordedAt: '2025-10-30T12:00:00+00:00', recordedBefore: true, brier: 0.0225,
  logScore: Math.log(0.85), judgedBrier: 0.105625, meanDailyBrier: 0.03, line: 4,
};

describe('the track record view', () => {
  it('formats every number once: percent, Brier with four decimals, log score with a true minus', () => {
    const v = trackRecordView(recordOf([q]));
    expect(v.rows[0]).toMatchObject({
      resolvedText: 'yes, 2025-11-02', forecastText: '85%', judgedText: '68%', brierText: '0.0225', logText: '−0.163', dailyText: '0.0300',
      recordText: 'aaaaaaaa 2025-10-30',
    });
    expect(v.calibration[5]!.sentence).toBe('Of the 1 question forecast as very likely, 100% happened.');
    expect(v.judgedText).toBe('Judged calls: Brier 0.1056 over 1 question with a judged call; the model did better on 1 of 1.');
    expect(v.recordedNote).toBeNull();
  });

  it('keeps file text inert: Markdown escaped, CSV cells neutralised, terminal controls replaced', () => {
    const record = recordOf([q]);
    const md = trackRecordMarkdown(record);
    expect(md).toContain('Evil \\| \\*bold\\* \\<img');
    expect(md).not.toMatch(/(^|[^\\])<img|Evil \|/);
    const csv = trackRecordCsv(record);
    expect(csv).not.toContain('\u001b');
    expect(csv.split('\r\n')[1]).toContain(',talks,outcome,');
    const text = renderScoreText(record);
    expect(text).not.toContain('\u001b');
  });
});
