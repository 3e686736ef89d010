import { SendLedger } from '../../src/simulators/meta';

/** The rate checks the dispatcher's tests make on the simulator's receive times. */
describe('SendLedger window counts', () => {
  it('counts per whole second, leaving out the partial first and last seconds and keeping empty ones', () => {
    const times = [999, 1000, 1500, 1999, 3000, 3001, 4200];
    expect(SendLedger.perSecond(times)).toEqual([3, 0, 2]);
    expect(SendLedger.perSecond([])).toEqual([]);
  });

  it('finds the most sends in any sliding second, which whole seconds can hide', () => {
    // At most 3 in any whole second, but 5 between 1,900 and 2,600 ms: one sliding second.
    const times = [500, 1900, 1950, 2050, 2100, 2600];
    expect(Math.max(...SendLedger.perSecond([0, ...times, 3500]))).toBe(3);
    expect(SendLedger.maxInAnySecond(times)).toBe(5);
    expect(SendLedger.maxInAnySecond([0, 1000, 2000])).toBe(1);
  });
});
