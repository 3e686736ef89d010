import { newId, newOrderId } from './ids';

describe('ids', () => {
  it('makes time-ordered UUIDv7 row ids', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(
      true,
    );
    expect([...ids].sort()).toEqual(ids);
  });

  it('makes readable order ids that Midtrans accepts', () => {
    const id = newOrderId('topup', new Date('2026-11-24T10:00:00Z'));
    expect(id).toMatch(/^BZ-TOPUP-20261124-[0-9A-Z]{8}$/);
    expect(id.length).toBeLessThanOrEqual(50);
    expect(new Set(Array.from({ length: 1000 }, () => newOrderId('topup'))).size).toBe(1000);
  });
});
