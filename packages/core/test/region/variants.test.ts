import { describe, expect, it } from 'vitest';
import {
  AS_IT_HAPPENED,
  DnsEnactor,
  STANDARD_VARIANTS,
  formatImpactTable,
  october2025Region,
  pickFixes,
  queueLimitThrottle,
  runVariants,
  variantOf,
  type EnactorProgram,
  type RegionFixes,
} from '../../src/index.ts';

/**
 * Stand-ins for the lessons' fixes (the core never imports a lesson): an Enactor that
 * never applies a plan keeps the first one live all night; a fixed queue cap in place
 * before the storm keeps DWFM's attempts within their timeout; a policy that never
 * withdraws an AZ.
 */
const idleEnactor: EnactorProgram = { ready: () => false, describe: () => 'nothing', step: () => ({ result: 'nothing', ok: true, delayMs: 1000 }) };
const standIns: Required<RegionFixes> = {
  enactor: idleEnactor,
  failoverPolicy: () => ({ decide: () => [] }),
  throttle: queueLimitThrottle(150),
};

describe('variants: the same night with different fixes in place', () => {
  const [october, dnsOnly] = runVariants(october2025Region, standIns, [AS_IT_HAPPENED, variantOf(['dns'])]);

  it('runs the night as it happened with no fix, and a fix only where the variant asks for it', () => {
    expect(october?.night.fixes).toEqual([]);
    expect(dnsOnly?.night.fixes).toEqual(['dns']);
    expect(october?.impact.dynamodb, 'as it happened, DynamoDB clients failed for hours').toBeGreaterThan(120);
  });

  it('with DNS whole all night, nothing downstream breaks and the operators have nothing to do at 04:14', () => {
    expect(dnsOnly?.impact, 'an Enactor that never applies a plan never empties the endpoint').toEqual({ dynamodb: 0, ec2Launches: 0, ec2Network: 0, nlb: 0 });
    expect(dnsOnly?.night.dwfmOperatorsActed, 'every droplet held its lease at 04:14').toBe(false);
  });

  it('prints impact minutes per service and variant', () => {
    const table = formatImpactTable([october, dnsOnly].filter((o) => o !== undefined));
    expect(table.split('\n')[0]).toMatch(/^impact minutes\s+as it happened\s+DNS fix only$/);
    expect(table).toMatch(/\nDynamoDB API errors\s+\d+\s+0\n/);
    expect(table.split('\n')).toHaveLength(6);
  });

  it('names variants for any set of fixes, and refuses a fix that does not exist', () => {
    expect(variantOf([]).label).toBe('as it happened');
    expect(variantOf(['ec2', 'dns', 'nlb'])).toBe(STANDARD_VARIANTS[4]);
    expect(variantOf(['nlb', 'ec2']).label).toBe('NLB + EC2 fixes');
    expect(() => variantOf(['dns', 'lambda' as 'dns'])).toThrow('fixes[1]: "lambda" is not a fix (valid: dns, nlb, ec2)');
    expect(Object.keys(pickFixes(standIns, ['nlb']))).toEqual(['failoverPolicy']);
  });

  it('keeps the faithful Enactor a no-op fix: passing it changes nothing', () => {
    const [faithful] = runVariants(october2025Region, { ...standIns, enactor: new DnsEnactor() }, [variantOf(['dns'])]);
    expect(faithful?.impact.dynamodb).toBe(october?.impact.dynamodb);
  });
});
