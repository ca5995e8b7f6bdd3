import { IPV6_ENDPOINT, REGIONAL_ENDPOINT, pdt, type DnsObservation, type EndpointView } from '@outage-lab/core';

/**
 * Short nights written by hand, one observation per step, each with the steps after which
 * every invariant must fire. They are not in core: they exist to judge Part B.
 */
export interface ScriptedNight {
  readonly name: string;
  readonly observations: readonly DnsObservation[];
  /** Invariant name → indices of the observations after which it must fire. */
  readonly fires: Readonly<Record<string, readonly number[]>>;
}

const FIPS = 'dynamodb-fips.us-east-1.amazonaws.com';
const STREAMS = 'streams.dynamodb.us-east-1.amazonaws.com';

/** One endpoint as a resolver sees it: `gen` (null: no root ALIAS), whether its set exists, how many addresses it answers. */
type View = readonly [gen: number | null, exists?: boolean, answers?: number];

function endpoint(name: string, [gen, exists = gen !== null, answers = exists ? 3 : 0]: View): EndpointView {
  const type = name === IPV6_ENDPOINT ? 'AAAA' : 'A';
  const addresses = Array.from({ length: answers }, (_, i) => (type === 'A' ? `198.51.100.${i + 1}` : `2001:db8::${i + 1}`));
  return { name, type, activeGeneration: gen, activeSetExists: exists, answers: addresses, rollbackGeneration: gen === null ? null : gen - 1 };
}

/** A night from rows: the regional endpoint, its IPv6 twin, the FIPS endpoint and the streams endpoint. */
function night(name: string, rows: readonly (readonly [View, View, View, View])[], fires: ScriptedNight['fires']): ScriptedNight {
  const start = pdt('23:46');
  const observations = rows.map(([regional, twin, fips, streams], i): DnsObservation => ({
    time: start + i * 1000,
    newestGeneration: 150,
    plannerDone: false,
    endpoints: [endpoint(REGIONAL_ENDPOINT, regional), endpoint(IPV6_ENDPOINT, twin), endpoint(FIPS, fips), endpoint(STREAMS, streams)],
    enactors: [],
  }));
  return { name, observations, fires };
}

const RESOLVES = 'regional-endpoint-resolves';
const REGRESSES = 'generation-never-regresses';
const EXISTS = 'active-plan-exists';

export const SCRIPTED_NIGHTS: readonly ScriptedNight[] = [
  night(
    'the 23:48 story: a stale write on the regional endpoint and its twin, then clean-up deletes gen 110',
    [
      [[146], [146], [146], [146]],
      [[147], [146], [146], [146]],
      [[110], [146], [147], [146]],
      [[110], [110], [147], [147]],
      [[110, false], [110, false], [147], [147]],
      [[110, false], [110, false], [148], [148]],
    ],
    { [RESOLVES]: [4, 5], [REGRESSES]: [2, 3], [EXISTS]: [4, 5] },
  ),
  night(
    'a lagging FIPS endpoint goes back one generation; nothing empties',
    [
      [[120], [120], [119], [120]],
      [[121], [121], [120], [120]],
      [[121], [121], [119], [121]],
      [[122], [122], [122], [122]],
    ],
    { [RESOLVES]: [], [REGRESSES]: [2], [EXISTS]: [] },
  ),
  night(
    "the twin answers nothing while the regional endpoint still answers; later the regional set exists but every weight is 0",
    [
      [[130], [130], [130], [130]],
      [[130], [130, true, 0], [130], [130]],
      [[131], [131], [130], [130]],
      [[131, true, 0], [131], [131], [131]],
      [[132], [132], [131], [131]],
    ],
    { [RESOLVES]: [3], [REGRESSES]: [], [EXISTS]: [] },
  ),
  night(
    'a new endpoint without a root ALIAS yet, whose first plan then arrives; a deleted streams set',
    [
      [[140], [140], [140], [null]],
      [[140], [140], [140], [null]],
      [[141], [141], [140], [141]],
      [[141], [141], [141], [141, false]],
      [[142], [142], [142], [142]],
    ],
    { [RESOLVES]: [], [REGRESSES]: [], [EXISTS]: [3] },
  ),
];
