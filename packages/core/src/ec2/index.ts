// The EC2 model: DWFM's droplet leases, Network Manager's propagation, and the throttle.
export { type Ec2Config, type TimeSpan, validateEc2Config, MAX_FLEET } from './config.ts';
export { Dwfm, type DwfmCounters } from './dwfm.ts';
export { NetworkManager, type NetworkCounters } from './network-manager.ts';
export { admitEverything, queueLimitThrottle, admittedCount, type Throttle, type QueueState, type QueueName } from './throttle.ts';
export { runEc2Scenario, type Ec2RunOptions, type Ec2Result, type Ec2Event } from './run.ts';
export { type Ec2Sample, propagationDelayAt, propagationDelayPoints } from './sample.ts';
export {
  AWS_EC2_PHASES,
  EC2_PHASE_NAMES,
  COLLAPSE_OVER_SHARE,
  detectEc2Phases,
  comparePhases,
  formatPhaseTable,
  type Ec2Phases,
  type Ec2PhaseName,
  type PhaseSpan,
  type PhaseComparison,
  type PhaseInputs,
} from './phases.ts';
