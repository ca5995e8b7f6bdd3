/**
 * What AWS described that the composed night does not model, and why: the replay prints
 * these beside the phases, so that no missing tail passes as a match.
 */
export const NOT_MODELLED: readonly { readonly what: string; readonly why: string }[] = [
  {
    what: "new instances' connectivity trouble from 10:36 until EC2 fully recovered at 13:50",
    why: "the models' Network Manager backlog drains by about 10:50, and AWS did not say what held connectivity back once propagation was normal at 10:36",
  },
  {
    what: "Lambda's impairment until 14:15",
    why: 'it follows the tail above and NLB at 14:09; without them the model\'s Lambda window ends with the night\'s last signal, near 10:50',
  },
  {
    what: 'Redshift until its clusters were fully restored on 21 Oct at 04:05',
    why: "Redshift's own cluster workflows have no mechanism here, and the Region's night ends at 14:20 on 20 Oct",
  },
];
