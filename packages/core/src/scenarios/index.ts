// october2025 and DNS_SCENARIOS are in ../judge.ts: reproducing the race is lesson 01's answer.
export { happyPath, october2025Exploration, smallScope, smallScopeConfig } from './dns.ts';
export { calmNlb, october2025Nlb } from './nlb.ts';
export { october2025Ec2 } from './ec2.ts';
export { october2025Region } from './region.ts';
