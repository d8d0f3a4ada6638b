// Small texts several feature tests share.

/** Every kind of use of `crisis` and `attack` (declaration, driver lines, alternative), one cursor on each. */
export const NAMED_USES = [
  'factor <|>crisis "Crises" { probability likely }',
  'event attack { probability 10% }',
  'outcome push { base 20%; cri<|>sis raises weakly; attack lowers x2 }',
  'outcome ties { base 10%; push raises strongly; crisis<|> raises weakly }',
  'alternative "What if" { crisis 90%; given not <|>attack; push base 50% }',
].join('\n');
