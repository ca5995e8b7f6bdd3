/** A minute with at least 1% of DynamoDB requests failing counts as DynamoDB errors. */
export const DYNAMO_ERROR_MARK = 0.01;

/**
 * A load balancer failing at least 10% of its connections in a minute counts as hit by
 * connection errors. Higher than DynamoDB's mark because a load balancer whose new
 * instances lack their network fails a few percent of connections at them even with
 * automatic failover off and every target in service.
 */
export const NLB_ERROR_MARK = 0.1;
