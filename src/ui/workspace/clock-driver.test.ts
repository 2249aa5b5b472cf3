import { describe, expect, it } from 'vitest';
import { World } from '../../emulator/world.ts';
import { ClockDriver, type Ticker } from './clock-driver.ts';

class ManualTicker implements Ticker {
  time = 0;
  callbacks = new Set<() => void>();
  now() {
    return this.time;
  }
  every(_ms: number, fn: () => void) {
    this.callbacks.add(fn);
    return () => this.callbacks.delete(fn);
  }
  pass(ms: number) {
    this.time += ms;
    for (const fn of this.callbacks) fn();
  }
}

describe('ClockDriver', () => {
  it('advances virtual time with real time, fast-forwards ×10, pauses and resumes', () => {
    const world = new World();
    const ticker = new ManualTicker();
    const driver = new ClockDriver(world, ticker);
    const fired: number[] = [];
    world.clock.after(1500, () => fired.push(world.now()));
    const start = world.now();
    driver.start();
    ticker.pass(1000);
    expect(world.now() - start).toBe(1000);
    driver.setSpeed(10);
    ticker.pass(100);
    expect(world.now() - start).toBe(2000);
    expect(fired).toEqual([start + 1500]);
    driver.pause();
    ticker.pass(5000);
    expect(world.now() - start).toBe(2000);
    expect(driver.state).toEqual({ running: false, speed: 10 });
    driver.start();
    ticker.pass(100);
    expect(world.now() - start).toBe(3000);
  });

  it('bounds the catch-up of one tick and releases its timer on dispose', () => {
    const world = new World();
    const ticker = new ManualTicker();
    const driver = new ClockDriver(world, ticker, { maxStepMs: 5000 });
    const states: boolean[] = [];
    driver.subscribe((s) => states.push(s.running));
    const start = world.now();
    driver.start();
    ticker.pass(3_600_000);
    expect(world.now() - start).toBe(5000);
    driver.dispose();
    expect(ticker.callbacks.size).toBe(0);
    driver.start();
    expect(ticker.callbacks.size).toBe(0);
    expect(states).toEqual([true]);
  });
});
