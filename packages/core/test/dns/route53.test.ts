import { describe, expect, it } from 'vitest';
import { Route53, alias, txt, type ResourceRecord } from '../../src/index.ts';

const leaf = (name: string, lb: string, value: string): ResourceRecord => ({ name, type: 'A', setId: lb, weight: 10, value });

function zoneWithPlan(): Route53 {
  const zone = new Route53();
  const result = zone.changeResourceRecordSets([
    { action: 'CREATE', record: leaf('plan-1.db', 'lb-1', '198.51.100.1') },
    { action: 'CREATE', record: alias('db', 'plan-1.db') },
    { action: 'CREATE', record: txt('_lock.db', 'holder=a;expires=5') },
  ]);
  expect(result.ok).toBe(true);
  return zone;
}

describe('Route53', () => {
  it('follows the root ALIAS to the active set', () => {
    expect(zoneWithPlan().resolve('db', 'A')).toEqual(['198.51.100.1']);
  });

  it('answers NOERROR with no addresses when the ALIAS target has been deleted', () => {
    const zone = zoneWithPlan();
    expect(zone.changeResourceRecordSets([{ action: 'DELETE', record: leaf('plan-1.db', 'lb-1', '198.51.100.1') }]).ok).toBe(true);
    expect(zone.resolve('db', 'A')).toEqual([]);
  });

  it('rejects a DELETE whose value does not match exactly, and the whole batch with it', () => {
    const zone = zoneWithPlan();
    const result = zone.changeResourceRecordSets([
      { action: 'CREATE', record: leaf('plan-2.db', 'lb-1', '198.51.100.2') },
      { action: 'DELETE', record: txt('_lock.db', 'holder=b;expires=5') },
    ]);
    expect(result).toMatchObject({ ok: false, change: 1 });
    expect(zone.exists('plan-2.db')).toBe(false);
    expect(zone.get('_lock.db', 'TXT')?.value).toBe('holder=a;expires=5');
  });

  it('rejects a CREATE of an existing record and an ALIAS to a missing target', () => {
    const zone = zoneWithPlan();
    expect(zone.changeResourceRecordSets([{ action: 'CREATE', record: alias('db', 'plan-1.db') }])).toMatchObject({ ok: false });
    const missing = zone.changeResourceRecordSets([{ action: 'UPSERT', record: alias('_rollback.db', 'plan-0.db') }]);
    expect(missing).toMatchObject({ ok: false });
    expect(missing.ok === false && missing.reason).toMatch(/alias target plan-0.db does not exist/);
  });

  it('accepts an ALIAS to a set created earlier in the same batch', () => {
    const zone = zoneWithPlan();
    const result = zone.changeResourceRecordSets([
      { action: 'CREATE', record: leaf('plan-2.db', 'lb-1', '198.51.100.2') },
      { action: 'UPSERT', record: alias('db', 'plan-2.db') },
    ]);
    expect(result.ok).toBe(true);
    expect(zone.resolve('db', 'A')).toEqual(['198.51.100.2']);
  });

  it('clones independently', () => {
    const zone = zoneWithPlan();
    const copy = zone.clone();
    copy.changeResourceRecordSets([{ action: 'UPSERT', record: txt('_lock.db', 'x') }]);
    expect(zone.get('_lock.db', 'TXT')?.value).toBe('holder=a;expires=5');
    expect(zone.fingerprint()).not.toBe(copy.fingerprint());
  });
});
