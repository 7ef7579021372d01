// The collections the OGC API Features serves: an allow-list of tables, who may read each and which columns.
// Who sees which row is not decided here: stations use the stations' rule (stationScope, as lists, exports and
// tiles do) and poles and routes the tile layers' filters, so a GIS client sees exactly what the map shows.
// Parameter numbers follow the tile layers': $4 the province, $5 the requesting carrier's id.
import { stationScope } from '../stations/access'
import { layerFilter } from '../tiles/sql'
import type { Audience } from '../tiles/audience'
import { carrierNames } from './sql'

export type Text = { vi: string; en: string }

export interface Collection {
  id: string
  title: Text
  description: Text
  geometryType: 'Point' | 'MultiLineString' | 'MultiPolygon'
  /** FROM over `t` (joins allowed). */
  from: string
  /** WHERE over `t` for an audience, or null when that audience may not read the collection. */
  filter(a: Audience): string | null
  /** Properties as [SQL over `t`, name] for an audience. */
  properties(a: Audience): [string, string][]
  /**
   * The aggregate kept current with the table (migrations 081 and 131), as a FROM over `t` whose rows carry the
   * columns `filter` reads and how many rows have them (`n`): the number matched without a bbox, read without
   * counting the table. None: the table is counted.
   */
  counts?: string
}

const PROVINCE = '$4'
const CARRIER = '$5::int'

const districtName = 'district_name(t.district_code, current_date)'

const stationPublic: [string, string][] = [
  ['o.name', 'operator'],
  ['t.mast_class', 'mast_class'],
  ['t.mast_height_m::float8', 'mast_height_m'],
  ['t.technologies', 'technologies'],
  [districtName, 'district'],
  ['t.temporary', 'temporary'],
]
const stationDetail: [string, string][] = [
  ['t.site_code', 'site_code'],
  ['t.name', 'name'],
  ['t.address', 'address'],
  ['t.state', 'state'],
  ['t.building_height_m::float8', 'building_height_m'],
  ['t.decision_no', 'decision_no'],
  ['t.decision_date::text', 'decision_date'],
  ['t.valid_to::text', 'valid_to'],
  ['t.version', 'version'],
  ['t.updated_at', 'updated_at'],
]

export const COLLECTIONS: Collection[] = [
  {
    id: 'stations',
    title: { vi: 'Trạm BTS', en: 'Base stations' },
    description: {
      vi: 'Trạm thu phát sóng: công chúng thấy trạm đang hoạt động; doanh nghiệp thấy thêm trạm của mình.',
      en: 'Base stations: the public sees stations in service; a carrier also sees its own in any state.',
    },
    geometryType: 'Point',
    from: 'stations t JOIN carriers o ON o.id = t.carrier_id',
    counts: 'station_counts t',
    filter: (a) => {
      const scope = (audience: Audience) => stationScope(audience, 't', PROVINCE, CARRIER)
      return a.kind === 'carrier' ? `((${scope(a)}) OR (${scope({ kind: 'public' })}))` : scope(a)
    },
    properties: (a) =>
      a.kind === 'staff'
        ? [...stationPublic, ...stationDetail]
        : a.kind === 'carrier'
          ? [
              ...stationPublic,
              ...stationDetail.map(([sql, name]): [string, string] => [
                `CASE WHEN t.carrier_id = ${CARRIER} THEN ${sql} END`,
                name,
              ]),
            ]
          : stationPublic,
  },
  {
    id: 'poles',
    title: { vi: 'Cột treo cáp', en: 'Poles' },
    description: { vi: 'Cột treo cáp viễn thông và điện lực.', en: 'Poles carrying telecom cable.' },
    geometryType: 'Point',
    from: 'poles t JOIN carriers o ON o.id = t.owner_carrier_id',
    counts: 'pole_counts t',
    filter: (a) => layerFilter('poles', a),
    properties: () => [
      ['t.code', 'code'],
      ['o.name', 'owner'],
      [carrierNames('t.carrier_ids'), 'carriers'],
      [districtName, 'district'],
    ],
  },
  {
    id: 'cable_routes',
    title: { vi: 'Tuyến cáp', en: 'Cable routes' },
    description: {
      vi: 'Tuyến ngầm hoá, chỉnh trang cáp treo, di dời và cáp không phép.',
      en: 'Routes put underground, aerial cable tidied, relocated, and unlicensed cable.',
    },
    geometryType: 'MultiLineString',
    from: 'cable_routes t',
    counts: 'route_counts t',
    filter: (a) => layerFilter('routes', a),
    properties: (a) => [
      ['t.name', 'name'],
      ['t.street', 'street'],
      ['t.kind', 'kind'],
      ['t.status', 'status'],
      ['round(t.length_m::numeric, 1)::float8', 'length_m'],
      ['t.pole_count', 'pole_count'],
      ['t.planned_on::text', 'planned_on'],
      ['t.started_on::text', 'started_on'],
      ['t.completed_on::text', 'completed_on'],
      ['t.accepted_on::text', 'accepted_on'],
      ...(a.kind === 'staff' ? [[carrierNames('t.carrier_ids'), 'carriers'] as [string, string]] : []),
    ],
  },
  {
    id: 'districts',
    title: { vi: 'Quận, huyện', en: 'Districts' },
    description: {
      vi: 'Địa giới cấp huyện đang có hiệu lực hôm nay.',
      en: 'District boundaries in force today.',
    },
    geometryType: 'MultiPolygon',
    from: 'units_in_force(current_date) t',
    filter: () => `t.level = 'district' AND t.province_code = ${PROVINCE}`,
    properties: () => [
      ['t.code', 'code'],
      ['t.name', 'name'],
      ['t.valid_from::text', 'valid_from'],
      ['t.source', 'source'],
    ],
  },
]

export const collectionById = (id: string) => COLLECTIONS.find((c) => c.id === id)
