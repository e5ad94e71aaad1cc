import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BusyIndicator } from '../../src/ui/busy';

describe('BusyIndicator', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function indicator() {
    const events: string[] = [];
    const busy = new BusyIndicator({ show: (t) => events.push(`show ${t}`), hide: () => events.push('hide') }, 150);
    return { busy, events };
  }

  it('never shows for work that ends within the delay', () => {
    const { busy, events } = indicator();
    busy.start('Reading the workbook…');
    vi.advanceTimersByTime(149);
    busy.stop();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    expect(busy.visible).toBe(false);
  });

  it('shows after the delay, follows updates, and hides at the end', () => {
    const { busy, events } = indicator();
    busy.start('Reading the workbook…');
    busy.update('Writing colours…');
    vi.advanceTimersByTime(150);
    expect(busy.visible).toBe(true);
    busy.update('Checking again…');
    busy.stop();
    expect(events).toEqual(['show Writing colours…', 'show Checking again…', 'hide']);
  });

  it('a new start cancels the last one', () => {
    const { busy, events } = indicator();
    busy.start('one');
    vi.advanceTimersByTime(100);
    busy.start('two');
    vi.advanceTimersByTime(100);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(events).toEqual(['show two']);
  });
});
