// A forecast built by hand to match common/forecast.ts (modelled on LANGUAGE.md's
// example), hostile strings, and a stand-in for acquireVsCodeApi() that records what the page sends.
import type { Forecast } from '../../common/forecast';
import type { FromPage, PageState, ToPage } from '../../common/pageMessages';

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';
export const HOSTILE_ATTR = '" onmouseover="x';
export const URI = 'file:///home/analyst/us-pakistan.scenario';

export function sampleForecast(): Forecast {
  return {
    file: 'us-pakistan.scenario',
    title: 'US–Pakistan relations, 2025',
    question: 'Where will US–Pakistan relations stand at the end of 2025?',
    horizon: { from: '2025-01-20', to: '2026-01-20' },
    samples: 50000,
    seed: 2025,
    method: 'exact',
    worldsMethod: 'exact',
    outcomes: [
      {
        name: 'democracy_push',
        label: 'Washington presses Islamabad on democracy and free speech',
        probability: 0.6312,
        standardError: null,
        band: [0.48, 0.77],
        phrase: 'likely',
        judged: { text: 'likely', range: [0.55, 0.8], agrees: true },
        signposts: [],
        linchpins: [],
        swing: [
          { name: 'rapport', points: 21.34, ifTrue: 0.6067, ifFalse: 0.3933 },
          { name: 'khan_popular', points: 15.21, ifTrue: 0.57605, ifFalse: 0.42395 },
          { name: 'crisis', points: 12.04, ifTrue: 0.5602, ifFalse: 0.4398 },
        ],
      },
      {
        name: 'trade_up',
        label: 'US–Pakistan trade grows',
        probability: 0.5781,
        standardError: null,
        band: [0.556, 0.6],
        phrase: 'likely',
        judged: { text: 'likely', range: [0.55, 0.8], agrees: true },
        signposts: [],
        linchpins: [],
        swing: [{ name: 'crisis', points: 7.66, ifTrue: 0.5383, ifFalse: 0.4617 }],
      },
      {
        name: 'security_ties',
        label: 'Washington re-engages Islamabad on counter-terrorism',
        probability: 0.2104,
        standardError: null,
        band: [0.121, 0.334],
        phrase: 'unlikely',
        judged: { text: 'very unlikely', range: [0.05, 0.2], agrees: false },
        signposts: [],
        linchpins: [],
        swing: [
          { name: 'attack', points: 38.52, ifTrue: 0.6926, ifFalse: 0.3074 },
          { name: 'democracy_push', points: -3.14, ifTrue: 0.4843, ifFalse: 0.5157 },
          { name: 'rapport', points: -1.96, ifTrue: 0.4902, ifFalse: 0.5098 },
        ],
      },
    ],
    inputs: [
      {
        name: 'crisis',
        kind: 'factor',
        label: "Pakistan's political, constitutional and economic crises",
        probability: 0.97,
        range: [0.95, 0.99],
        text: 'almost certain',
        notes: ['Election-fraud allegations against the governing coalition.'],
        sources: ['op-ed, paragraph 2'],
      },
      {
        name: 'khan_popular',
        kind: 'factor',
        label: 'Imran Khan and the PTI remain the most popular force',
        probability: 0.875,
        range: [0.8, 0.95],
        text: 'very likely',
        notes: [],
        sources: [],
      },
      {
        name: 'rapport',
        kind: 'factor',
        label: 'Trump and Khan keep a positive relationship',
        probability: 0.65,
        range: [0.55, 0.75],
        text: '55%..75%',
        notes: [],
        sources: ['op-ed, paragraph 4', 'press reports'],
      },
      {
        name: 'attack',
        kind: 'event',
        label: 'A major terror attack touches US interests',
        probability: 0.175,
        range: [0.1, 0.25],
        text: '10%..25%',
        notes: [],
        sources: [],
      },
    ],
    worlds: [
      { outcomes: { democracy_push: true, trade_up: true, security_ties: false }, probability: 0.2899 },
      { outcomes: { democracy_push: false, trade_up: true, security_ties: false }, probability: 0.1688 },
      { outcomes: { democracy_push: true, trade_up: false, security_ties: false }, probability: 0.2101 },
    ],
    alternatives: [
      {
        name: 'Khan released',
        assumptions: [{ name: 'khan_popular', text: 'khan_popular 90%..95%' }, { name: 'rapport', text: 'rapport 80%..90%' }],
        observed: [],
        evidenceProbability: 1,
        inputs: [],
        outcomes: [
          { name: 'democracy_push', label: 'Washington presses Islamabad on democracy and free speech', probability: 0.7823, standardError: null, band: [0.66, 0.88], phrase: 'likely', judged: { text: 'likely', range: [0.55, 0.8], agrees: true }, signposts: [], linchpins: [], swing: [], delta: 15.11 },
          { name: 'trade_up', label: 'US–Pakistan trade grows', probability: 0.5781, standardError: null, band: [0.556, 0.6], phrase: 'likely', judged: { text: 'likely', range: [0.55, 0.8], agrees: true }, signposts: [], linchpins: [], swing: [], delta: 0 },
          { name: 'security_ties', label: 'Washington re-engages Islamabad on counter-terrorism', probability: 0.1864, standardError: null, band: [0.1, 0.31], phrase: 'very unlikely', judged: { text: 'very unlikely', range: [0.05, 0.2], agrees: true }, signposts: [], linchpins: [], swing: [], delta: -2.4 },
        ],
        worlds: [{ outcomes: { democracy_push: true, trade_up: true, security_ties: false }, probability: 0.36 }],
      },
      {
        // No delta fields: the page and the exports compute them from the baseline.
        name: 'Attack happens',
        assumptions: [{ name: 'attack', text: 'given attack' }],
        observed: [],
        evidenceProbability: 1,
        inputs: [],
        outcomes: [
          { name: 'democracy_push', label: 'Washington presses Islamabad on democracy and free speech', probability: 0.6312, standardError: null, band: [0.48, 0.77], phrase: 'likely', judged: null, signposts: [], linchpins: [], swing: [] },
          { name: 'trade_up', label: 'US–Pakistan trade grows', probability: 0.5781, standardError: null, band: [0.556, 0.6], phrase: 'likely', judged: null, signposts: [], linchpins: [], swing: [] },
          { name: 'security_ties', label: 'Washington re-engages Islamabad on counter-terrorism', probability: 0.5604, standardError: null, band: [0.4, 0.71], phrase: 'likely', judged: null, signposts: [], linchpins: [], swing: [] },
        ],
        worlds: [],
      },
    ],
    elapsedMs: 12.34,
  };
}

/**
 * The sample forecast with what exact inference adds (LANGUAGE.md, Semantics): signposts and
 * linchpins on two outcomes (none on trade_up), and a third alternative that observes the attack
 * and moves the inputs, and a fourth whose observation cannot happen. (sampleForecast itself
 * stays without them: the key judgments' tests start from a forecast with no signposts.)
 */
export function watchedForecast(): Forecast {
  const f = sampleForecast();
  Object.assign(f.outcomes[0]!, {
    signposts: [
      { name: 'rapport', probability: 0.65, ifTrue: 0.7461, ifFalse: 0.4176, expectedShift: 10.2 },
      { name: 'security_ties', probability: 0.2104, ifTrue: 0.5813, ifFalse: 0.6451, expectedShift: 1.1 },
    ],
    linchpins: [{ name: 'rapport', current: 0.65, holdsFrom: 0.41, holdsTo: 1, phrase: 'likely' }],
  });
  Object.assign(f.outcomes[2]!, {
    signposts: [{ name: 'attack', probability: 0.175, ifTrue: 0.5604, ifFalse: 0.1362, expectedShift: 12.4 }],
    linchpins: [
      { name: 'attack', current: 0.175, holdsFrom: 0, holdsTo: 0.24, phrase: 'unlikely' },
      { name: 'rapport', current: 0.65, holdsFrom: 0.3, holdsTo: 0.9, phrase: 'unlikely' },
    ],
  });
  const base = f.outcomes.map((o) => ({ ...o, signposts: [], linchpins: [], swing: [] }));
  f.alternatives.push(
    {
      name: 'Attack seen',
      assumptions: [{ name: 'attack', text: 'observe attack' }],
      observed: [{ name: 'attack', value: true }],
      evidenceProbability: 0.175,
      inputs: [
        { name: 'crisis', probability: 0.97, delta: 0 },
        { name: 'khan_popular', probability: 0.875, delta: 0 },
        { name: 'rapport', probability: 0.6, delta: -5 },
        { name: 'attack', probability: 1, delta: 82.5 },
      ],
      outcomes: base.map((o) => (o.name === 'security_ties' ? { ...o, probability: 0.5604, phrase: 'likely', delta: 35 } : { ...o, delta: 0 })),
      worlds: [],
    },
    {
      name: 'Crisis ends, seen',
      assumptions: [{ name: 'crisis', text: 'observe not crisis' }],
      observed: [{ name: 'crisis', value: false }],
      evidenceProbability: 0,
      inputs: [],
      outcomes: [],
      worlds: [],
    },
  );
  return f;
}

/** The same forecast with every piece of file content replaced by hostile text. */
export function hostileForecast(): Forecast {
  const f = sampleForecast();
  f.file = HOSTILE_SCRIPT;
  f.title = HOSTILE_IMG;
  f.question = HOSTILE_SCRIPT;
  f.horizon = { from: HOSTILE_ATTR, to: HOSTILE_IMG };
  f.outcomes[0]!.label = HOSTILE_IMG;
  f.outcomes[1]!.label = HOSTILE_ATTR;
  f.outcomes[2]!.label = HOSTILE_SCRIPT;
  f.outcomes[2]!.judged!.text = HOSTILE_IMG;
  f.inputs[0]!.label = HOSTILE_SCRIPT;
  f.inputs[0]!.notes = [HOSTILE_IMG];
  f.inputs[0]!.sources = [HOSTILE_ATTR, HOSTILE_SCRIPT];
  f.inputs[1]!.text = HOSTILE_IMG;
  f.alternatives[0]!.name = HOSTILE_IMG;
  f.alternatives[1]!.name = HOSTILE_ATTR;
  return f;
}

export function forecastMessage(
  forecast: Forecast | null,
  extra: Partial<Extract<ToPage, { type: 'forecast' }>> = {},
): Extract<ToPage, { type: 'forecast' }> {
  return { type: 'forecast', uri: URI, fileName: 'us-pakistan.scenario', version: 3, forecast, stale: false, notice: null, ...extra };
}

export interface RecordingApi {
  posted: FromPage[];
  state: unknown;
  api: { postMessage(m: FromPage): void; getState(): unknown; setState(s: PageState): void };
}

/** Stands in for acquireVsCodeApi(): records messages and keeps the state like VS Code does. */
export function recordingApi(initialState?: unknown): RecordingApi {
  const rec: RecordingApi = {
    posted: [],
    state: initialState,
    api: {
      postMessage: (m) => rec.posted.push(structuredClone(m)),
      getState: () => rec.state,
      setState: (s) => {
        rec.state = structuredClone(s);
      },
    },
  };
  return rec;
}
