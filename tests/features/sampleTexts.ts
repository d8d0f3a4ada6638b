// Small texts several feature tests share.

/**
 * Every kind of use of `crisis` and `attack` (declaration, driver lines, alternative changes, given
 * and observe), a cursor on the first four and on the last line's observed `attack`.
 */
export const NAMED_USES = [
  'factor <|>crisis "Crises" { probability likely }',
  'event attack { probability 10% }',
  'outcome push { base 20%; cri<|>sis raises weakly; attack lowers x2 }',
  'outcome ties { base 10%; push raises strongly; crisis<|> raises weakly }',
  'alternative "What if" { crisis 90%; given not <|>attack; push base 50% }',
  'alternative "Seen" { observe crisis; observe not at<|>tack }',
].join('\n');
