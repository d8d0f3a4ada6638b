import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../client/src/restartPolicy';

describe('RestartPolicy', () => {
  it('allows N restarts within the window, then refuses', () => {
    let now = 0;
    const policy = new RestartPolicy(3, 60_000, () => now);
    expect([policy.allowRestart(), policy.allowRestart(), policy.allowRestart()]).toEqual([true, true, true]);
    now = 59_999;
    expect(policy.allowRestart()).toBe(false);
    expect(policy.remaining()).toBe(0);
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(2, 60_000, () => now);
    policy.allowRestart();
    now = 30_000;
    policy.allowRestart();
    now = 60_000; // the first crash left the window
    expect(policy.remaining()).toBe(1);
    expect(policy.allowRestart()).toBe(true);
    expect(policy.allowRestart()).toBe(false);
  });

  it('starts again after reset, and honours a changed limit', () => {
    const now = 0;
    const policy = new RestartPolicy(1, 60_000, () => now);
    expect(policy.allowRestart()).toBe(true);
    expect(policy.allowRestart()).toBe(false);
    policy.reset();
    expect(policy.allowRestart()).toBe(true);
    policy.setMaxRestarts(3);
    expect(policy.remaining()).toBe(2);
  });

  it('with a limit of zero never restarts', () => {
    expect(new RestartPolicy(0, 60_000, () => 0).allowRestart()).toBe(false);
  });
});
