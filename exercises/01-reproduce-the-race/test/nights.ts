import { IPV6_ENDPOINT, REGIONAL_ENDPOINT, pdt, type DnsObservation, type EndpointView } from '@outage-lab/core';

/**
 * Short nights written by hand, one observation per step, each with the steps after which
 * every invariant must fire. They are not in core: they exist to judge Part B.
 */
export interface ScriptedNight {
  readonly name: string;
  readonly observations: readonly DnsObservation[];
  /**
   * Invariant name → index of an observation after which it must fire → the endpoints
   * that broke there: its sentence must name one of them. Every other index: silence.
   */
  readonly fires: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>>;
}

export const FIPS = 'dynamodb-fips.us-east-1.amazonaws.com';
export const STREAMS = 'streams.dynamodb.us-east-1.amazonaws.com';

/**
 * One endpoint as a resolver sees it: `gen` (null: no root ALIAS), whether its set exists,
 * how many addresses it answers. `null` instead of a view: the endpoint is not in the
 * observation at all (not yet in the zone).
 */
type View = readonly [gen: number | null, exists?: boolean, answers?: number] | null;

function endpoint(name: string, [gen, exists = gen !== null, answers = exists ? 3 : 0]: NonNullable<View>): EndpointView {
  const type = name === IPV6_ENDPOINT ? 'AAAA' : 'A';
  const addresses = Array.from({ length: answers }, (_, i) => (type === 'A' ? `198.51.100.${i + 1}` : `2001:db8::${i + 1}`));
  return { name, type, activeGeneration: gen, activeSetExists: exists, answers: addresses, rollbackGeneration: gen === null ? null : gen - 1 };
}

const COLUMNS = [REGIONAL_ENDPOINT, IPV6_ENDPOINT, FIPS, STREAMS] as const;

/**
 * A night from rows: the regional endpoint, its IPv6 twin, the FIPS endpoint and the
 * streams endpoint, listed in `order` (an observation promises no order).
 */
function night(name: string, rows: readonly (readonly [View, View, View, View])[], fires: ScriptedNight['fires'], order: readonly string[] = COLUMNS): ScriptedNight {
  const start = pdt('23:46');
  const observations = rows.map((row, i): DnsObservation => {
    const views = COLUMNS.flatMap((column, k) => {
      const view = row[k];
      return view === null || view === undefined ? [] : [endpoint(column, view)];
    });
    return {
      time: start + i * 1000,
      newestGeneration: 150,
      plannerDone: false,
      endpoints: [...views].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)),
      enactors: [],
    };
  });
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
    {
      [RESOLVES]: { 4: [REGIONAL_ENDPOINT], 5: [REGIONAL_ENDPOINT] },
      [REGRESSES]: { 2: [REGIONAL_ENDPOINT], 3: [IPV6_ENDPOINT] },
      [EXISTS]: { 4: [REGIONAL_ENDPOINT, IPV6_ENDPOINT], 5: [REGIONAL_ENDPOINT, IPV6_ENDPOINT] },
    },
  ),
  night(
    'a lagging FIPS endpoint goes back one generation; nothing empties',
    [
      [[120], [120], [119], [120]],
      [[121], [121], [120], [120]],
      [[121], [121], [119], [121]],
      [[122], [122], [122], [122]],
    ],
    { [REGRESSES]: { 2: [FIPS] } },
  ),
  night(
    'the twin, listed first, answers nothing while the regional endpoint, listed last, still answers; later the regional set exists but every weight is 0',
    [
      [[130], [130], [130], [130]],
      [[130], [130, true, 0], [130], [130]],
      [[131], [131], [130], [130]],
      [[131, true, 0], [131], [131], [131]],
      [[132], [132], [131], [131]],
    ],
    { [RESOLVES]: { 3: [REGIONAL_ENDPOINT] } },
    [IPV6_ENDPOINT, FIPS, STREAMS, REGIONAL_ENDPOINT],
  ),
  night(
    'a new streams endpoint: not yet in the zone, then without a root ALIAS, then its first plan; later its set is deleted',
    [
      [[140], [140], [140], null],
      [[140], [140], [140], [null]],
      [[141], [141], [140], [141]],
      [[141], [141], [141], [141, false]],
      [[142], [142], [142], [142]],
    ],
    { [EXISTS]: { 3: [STREAMS] } },
  ),
  night(
    "operators rebuild the FIPS endpoint by hand: its root ALIAS is removed (no plan, not an older one), then recreated on the newest plan",
    [
      [[150], [150], [150], [150]],
      [[150], [150], [null], [150]],
      [[150], [150], [150], [150]],
    ],
    {},
  ),
];
