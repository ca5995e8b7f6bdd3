export * from './dns.ts';
export { calmNlb, october2025Nlb } from './nlb.ts';
export { october2025Ec2 } from './ec2.ts';
export { october2025Region } from './region.ts';
