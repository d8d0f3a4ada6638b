// The preview's key judgments, What to watch, Linchpins and alternatives, read from the page and
// held against what the CLI prints for the same file: its JSON (`keyJudgments`, each outcome's
// signposts and linchpins, each alternative's observations) and its text output (the "Key
// judgments", "What to watch" and "Linchpins" lines, an alternative's "Assumes:" and evidence
// lines). readSections runs in the preview page (serialised, so self-contained); the rest in node.

/** The new sections as the page shows them (locator.evaluate passes the element first). */
export function readSections() {
  const text = (e) => (e ? e.textContent.replace(/\s+/g, ' ').trim() : null);
  const all = (root, selector) => (root ? [...root.querySelectorAll(selector)] : []);
  const watch = document.querySelector('#watch');
  return {
    present: ['key-judgments', 'watch', 'linchpins', 'alternatives'].filter((id) => document.getElementById(id)),
    judgments: all(document, '#key-judgments ul.key-judgments > li').map((li) => ({
      name: li.dataset.name,
      text: li.querySelector('button.judgment')?.textContent ?? null,
      selected: li.classList.contains('selected'),
    })),
    copy: document.querySelector('#key-judgments button[data-action="copyKeyJudgments"]') !== null,
    selected: document.querySelector('#outcome-select')?.value ?? null,
    watch: {
      explain: text(watch?.querySelector('.explain')),
      items: all(watch, 'li.signpost').map((li) => ({ name: li.dataset.name, label: text(li.querySelector('.signpost-name .label')), text: text(li.querySelector('.signpost-text')), bar: li.querySelector('.shift-bar') !== null })),
      more: text(watch?.querySelector('.more-signposts')),
    },
    linchpins: all(document, '#linchpins li.linchpin-outcome').map((li) => ({
      name: li.dataset.name,
      items: all(li, 'li.linchpin').map((l) => ({ name: l.dataset.name, text: text(l.querySelector('button.link')), now: text(l.querySelector('.linchpin-now')) })),
    })),
    alternatives: all(document, '#alternatives li.alternative-summary').map((li) => ({
      name: text(li.querySelector('.alternative-name')),
      assumptions: all(li, '.assumes code.assumption').map(text),
      evidence: text(li.querySelector('.evidence')),
    })),
    columns: all(document, '#alternatives table.alternatives thead th').map(text),
  };
}

/** The parts of `scenario forecast` (text) the sections must match. */
export function parseCliText(output) {
  const lines = output.replace(/\r\n/g, '\n').split('\n');
  const block = (heading) => {
    const at = lines.findIndex((l) => l.startsWith(heading));
    if (at < 0) return [];
    const end = lines.findIndex((l, i) => i > at && l.trim() === '');
    return lines.slice(at + 1, end < 0 ? undefined : end);
  };
  const keyJudgments = block('Key judgments').map((l) => l.replace(/^ {2}• /, ''));
  const watch = new Map(block('What to watch').map((l) => {
    const m = /^ {2}(\S+): (.*)$/.exec(l);
    return [m[1], m[2].split('; ')];
  }));
  const linchpins = new Map(block('Linchpins').map((l) => {
    const m = /^ {2}(\S+) (stays .*)$/.exec(l);
    return [m[1], m[2]];
  }));
  const alternatives = new Map();
  lines.forEach((l, i) => {
    const m = /^Alternative "(.*)"$/.exec(l);
    if (!m) return;
    const assumes = lines[i + 1]?.startsWith('Assumes: ') ? lines[i + 1] : '';
    const evidence = lines[i + (assumes ? 2 : 1)];
    alternatives.set(m[1], {
      assumptions: assumes ? assumes.slice('Assumes: '.length).split('; ') : [],
      evidence: evidence && !/^Outcome\s/.test(evidence) && evidence.trim() !== '' ? evidence : null,
    });
  });
  return { keyJudgments, watch, linchpins, alternatives };
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Throws unless the page's sections say what the CLI says. `shown` is readSections' result,
 * `json` the CLI's JSON, `cli` parseCliText of its text output, `percent` each outcome's
 * probability as the CLI shows it. Returns a one-line summary.
 */
export function assertSectionsMatch(shown, json, cli, percent, where) {
  const fail = (message) => {
    throw new Error(`${where}: ${message}`);
  };
  for (const id of ['key-judgments', 'watch', 'linchpins', 'alternatives']) {
    if (!shown.present.includes(id)) fail(`no #${id} section`);
  }
  // Key judgments: one for one with the JSON's, in its order, each with its phrase and percentage.
  const wanted = json.keyJudgments;
  if (shown.judgments.length !== wanted.length) fail(`${shown.judgments.length} key judgments, the CLI's JSON has ${wanted.length}`);
  wanted.forEach((k, i) => {
    const got = shown.judgments[i];
    if (got.name !== k.outcome) fail(`key judgment ${i + 1} is on ${got.name}, the JSON's on ${k.outcome}`);
    if (got.text !== k.text) fail(`key judgment on ${k.outcome} reads ${JSON.stringify(got.text)}, the JSON ${JSON.stringify(k.text)}`);
    const o = json.outcomes.find((x) => x.name === k.outcome);
    if (!got.text.includes(` ${o.phrase}: ${percent[o.name]}`)) fail(`key judgment on ${o.name} lacks “${o.phrase}: ${percent[o.name]}”: ${got.text}`);
  });
  if (!same(shown.judgments.map((j) => j.text), cli.keyJudgments)) fail('the key judgments differ from the CLI text output’s');
  if (!shown.copy) fail('no Copy button in Key judgments');
  const selectedJudgments = shown.judgments.filter((j) => j.selected).map((j) => j.name);
  if (!same(selectedJudgments, [shown.selected])) fail(`key judgments mark ${JSON.stringify(selectedJudgments)}, the tornado shows ${shown.selected}`);

  // What to watch: the tornado's outcome, its signposts in the JSON's order, the CLI's words.
  const outcome = json.outcomes.find((o) => o.name === shown.selected);
  if (!outcome) fail(`the tornado shows ${shown.selected}, no outcome of the JSON`);
  const signposts = outcome.signposts;
  const names = shown.watch.items.map((s) => s.name);
  if (!same(names, signposts.slice(0, names.length).map((s) => s.name)) || names.length !== Math.min(signposts.length, 5)) {
    fail(`What to watch lists ${JSON.stringify(names)} for ${outcome.name}, the JSON ${JSON.stringify(signposts.map((s) => s.name))}`);
  }
  const cliWatch = cli.watch.get(outcome.name) ?? [];
  if (cliWatch.length === 0) fail(`the CLI text has no What to watch line for ${outcome.name}`);
  const texts = shown.watch.items.map((s) => s.text);
  if (!same(texts.slice(0, cliWatch.length), cliWatch)) fail(`What to watch for ${outcome.name} reads ${JSON.stringify(texts)}, the CLI ${JSON.stringify(cliWatch)}`);
  if (shown.watch.items.some((s) => !s.bar || !s.label)) fail('a signpost without its bar or label');
  if (!shown.watch.explain?.includes(`now ${percent[outcome.name]}`)) fail(`What to watch does not say ${outcome.name} is now ${percent[outcome.name]}: ${shown.watch.explain}`);
  const rest = signposts.slice(5).map((s) => s.name);
  if (rest.length > 0 && !rest.every((n) => shown.watch.more?.includes(n))) fail(`What to watch does not name the other signposts ${rest.join(', ')}: ${shown.watch.more}`);

  // Linchpins: the outcomes the CLI lists, each line as the CLI writes it.
  const pinned = shown.linchpins.map((l) => l.name);
  if (!same(pinned, [...cli.linchpins.keys()])) fail(`Linchpins for ${JSON.stringify(pinned)}, the CLI ${JSON.stringify([...cli.linchpins.keys()])}`);
  for (const entry of shown.linchpins) {
    const o = json.outcomes.find((x) => x.name === entry.name);
    const lead = `stays ${o.phrase} while `;
    if (entry.items.some((l) => !l.text?.startsWith(lead))) fail(`a linchpin of ${o.name} does not read “${lead}…”: ${JSON.stringify(entry.items.map((l) => l.text))}`);
    if (!same(entry.items.map((l) => l.name), o.linchpins.map((l) => l.name))) fail(`linchpins of ${o.name}: ${JSON.stringify(entry.items.map((l) => l.name))}, the JSON ${JSON.stringify(o.linchpins.map((l) => l.name))}`);
    const line = lead + entry.items.slice(0, 3).map((l) => l.text.slice(lead.length)).join(' and ');
    if (line !== cli.linchpins.get(o.name)) fail(`Linchpins of ${o.name} read “${line}”, the CLI “${cli.linchpins.get(o.name)}”`);
  }

  // Alternatives: each says what it assumes as the CLI does; those that observe, how probable it was.
  for (const a of json.alternatives) {
    const page = shown.alternatives.find((x) => x.name === a.name);
    const text = cli.alternatives.get(a.name);
    if (!page || !text) fail(`alternative “${a.name}” missing (page ${Boolean(page)}, CLI ${Boolean(text)})`);
    if (!same(page.assumptions, text.assumptions)) fail(`“${a.name}” assumes ${JSON.stringify(page.assumptions)}, the CLI ${JSON.stringify(text.assumptions)}`);
    if (a.observed.length === 0) continue;
    for (const o of a.observed) {
      const wantedText = `observe ${o.value ? '' : 'not '}${o.name}`;
      if (!page.assumptions.includes(wantedText)) fail(`“${a.name}” does not show “${wantedText}”: ${JSON.stringify(page.assumptions)}`);
    }
    if (!page.evidence || `${page.evidence}.` !== text.evidence) fail(`“${a.name}” says ${JSON.stringify(page.evidence)} of what it observes, the CLI ${JSON.stringify(text.evidence)}`);
    if (a.evidenceProbability > 0 && !shown.columns.includes(a.name)) fail(`no column for “${a.name}” in the alternatives table`);
  }
  return `${shown.judgments.length} key judgments, ${names.length} signposts for ${outcome.name}, linchpins of ${pinned.length} outcomes`;
}
