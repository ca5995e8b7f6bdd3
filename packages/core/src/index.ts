export { ConfigError, check } from './config-error.ts';
export * from './sim/index.ts';
export * from './dns/index.ts';
export * from './nlb/index.ts';
export * from './ec2/index.ts';
export * from './render/index.ts';
export * from './scenarios/index.ts';
export * from './region/index.ts';
export { simDiagram, diagramNames, describeDiagram, type DiagramEntry } from './diagrams/registry.ts';
