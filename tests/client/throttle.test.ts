import { describe, expect, it } from 'vitest';
import { Throttle, type Timers } from '../../client/src/preview/throttle';

/** A clock and timers driven by hand: advance() moves the clock and fires what is due. */
function manualTimers() {
  let now = 0;
  const due: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  const timers: Timers = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      due.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout(handle) {
      const i = due.findIndex((t) => t.id === handle);
      if (i >= 0) due.splice(i, 1);
    },
  };
  return {
    timers,
    pending: () => due.length,
    advance(ms: number) {
      now += ms;
      for (const t of due.filter((t) => t.at <= now)) {
        due.splice(due.indexOf(t), 1);
        t.callback();
      }
    },
  };
}

interface R { version: number; text: string }
const same = (a: R, b: R) => a.version === b.version;

describe('Throttle', () => {
  it('delivers the first value at once', () => {
    const clock = manualTimers();
    const got: R[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r), same, clock.timers);
    t.push({ version: 1, text: 'a' });
    expect(got).toEqual([{ version: 1, text: 'a' }]);
    expect(clock.pending()).toBe(0);
  });

  it('coalesces later values and delivers the latest once per delay', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    t.push({ version: 1, text: '' });
    for (let v = 2; v <= 10; v++) t.push({ version: v, text: '' });
    expect(got).toEqual([1]);
    clock.advance(299);
    expect(got).toEqual([1]);
    clock.advance(1);
    expect(got).toEqual([1, 10]);
    t.push({ version: 11, text: '' });
    clock.advance(300);
    expect(got).toEqual([1, 10, 11]);
  });

  it('skips a value equal to the last delivered one', () => {
    const clock = manualTimers();
    const got: string[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.text), same, clock.timers);
    t.push({ version: 4, text: 'first' });
    t.push({ version: 4, text: 'same version' });
    clock.advance(300);
    expect(got).toEqual(['first']);
    t.push({ version: 5, text: 'new version' });
    clock.advance(300);
    expect(got).toEqual(['first', 'new version']);
  });

  it('after reset delivers at once, even an unchanged value', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    t.push({ version: 1, text: '' });
    t.push({ version: 2, text: '' });
    t.reset();
    expect(clock.pending()).toBe(0);
    t.push({ version: 1, text: '' });
    expect(got).toEqual([1, 1]);
  });

  it('delivers nothing after dispose', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    t.push({ version: 1, text: '' });
    t.push({ version: 2, text: '' });
    t.dispose();
    clock.advance(1000);
    t.push({ version: 3, text: '' });
    expect(got).toEqual([1]);
    expect(t.lastDelivered).toEqual({ version: 1, text: '' });
  });

  it('uses a changed delay for the next wait', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    t.push({ version: 1, text: '' });
    t.setDelay(50);
    t.push({ version: 2, text: '' });
    clock.advance(50);
    expect(got).toEqual([1, 2]);
  });

  it('delivers at once when nothing was delivered within the interval', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    t.push({ version: 1, text: '' });
    clock.advance(300);
    t.push({ version: 2, text: '' });
    expect(got).toEqual([1, 2]);
    expect(clock.pending()).toBe(0);
    clock.advance(1000);
    t.push({ version: 3, text: '' });
    expect(got).toEqual([1, 2, 3]);
    expect(clock.pending()).toBe(0);
  });

  it('a burst: the first value at once, the rest in one delivery of the latest at the end of the interval', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    clock.advance(5_000);
    for (let v = 1; v <= 6; v++) {
      t.push({ version: v, text: '' });
      clock.advance(20);
    }
    expect(got).toEqual([1]);
    expect(clock.pending()).toBe(1);
    clock.advance(300);
    expect(got).toEqual([1, 6]);
    expect(clock.pending()).toBe(0);
  });

  it('a value soon after a trailing delivery waits for the next trailing edge', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    t.push({ version: 1, text: '' });
    t.push({ version: 2, text: '' });
    clock.advance(300);
    expect(got).toEqual([1, 2]);
    clock.advance(10);
    t.push({ version: 3, text: '' });
    expect(got).toEqual([1, 2]);
    expect(clock.pending()).toBe(1);
    clock.advance(300);
    expect(got).toEqual([1, 2, 3]);
  });

  it('a skipped unchanged value is no delivery: the next change goes at once', () => {
    const clock = manualTimers();
    const got: number[] = [];
    const t = new Throttle<R>(300, (r) => got.push(r.version), same, clock.timers);
    t.push({ version: 1, text: '' });
    clock.advance(400);
    t.push({ version: 1, text: 'unchanged' });
    t.push({ version: 2, text: '' });
    expect(got).toEqual([1, 2]);
  });
});
