// A model whose alternatives observe an outcome (seen and not seen), observe an event, and make
// the outcome so with `given`, for the tests of how observed outcomes are reported
// (tests/report/observed.test.ts, tests/webview/observed.test.ts).
export const OBSERVED_SOURCE = `
factor rapport "Trump and Khan keep a positive relationship" { probability 55%..75% }
event attack "A major terror attack" { probability 10%..25% }
outcome ties "Washington re-engages on security" {
  base 10%
  attack raises x5..12
  rapport raises weakly
  judged very unlikely
}
outcome trade_up "Trade grows" {
  base 40%
  rapport raises moderately
  judged likely
}
alternative "Ties seen" {
  observe ties
}
alternative "Ties not seen" {
  observe not ties
}
alternative "Attack seen" {
  observe attack
}
alternative "Ties made" {
  given ties
}
`;
