/**
 * The server's human texts in English, by stable code. A problem+json carries the code (and its parameters) so a
 * client can rely on it; the text is rendered in the language the request asks for (server/http/messages.ts).
 * Every code here has a Vietnamese entry in messages.vi.ts (the compiler and test/unit/messages.test.ts check it).
 */
import { formatNumber } from '../../shared/format'

type P<T> = (p: T) => string
/** A count as the language writes it (3.000 in Vietnamese, 3,000 in English); anything else as it is. */
const count = (n: unknown) => (typeof n === 'number' ? formatNumber(n, 'en', 0, 0) : String(n))
type N = { n: number }
/** What a checked geometry is, for its messages. */
export type GeoNoun = 'geometry' | 'polygon' | 'line' | 'station' | 'pole' | 'place'
type Version = { have: number | string; sent: number | string }

export const en = {
  // titles, by status
  'title.400': () => 'Bad request',
  'title.401': () => 'Unauthorized',
  'title.403': () => 'Forbidden',
  'title.404': () => 'Not found',
  'title.409': () => 'Conflict',
  'title.413': () => 'Payload too large',
  'title.415': () => 'Unsupported media type',
  'title.416': () => 'Range not satisfiable',
  'title.422': () => 'Validation failed',
  'title.429': () => 'Too many requests',
  'title.500': () => 'Internal server error',
  'title.503': () => 'Query timeout',

  // the HTTP layer
  'request.invalid': () => 'The request is not valid.',
  'request.unreadable': () => 'The request could not be read.',
  'request.cross_site': () => 'Cross-site requests are not accepted.',
  'api.no_route': ((p) => `No API route ${p.method} ${p.path}.`) as P<{ method: string; path: string }>,
  not_found: () => 'Not found.',
  'body.too_large': ((p) => `The request body is larger than the limit of ${count(p.limit)} bytes.`) as P<{
    limit: number
  }>,
  'body.not_json': () => 'The request body is not valid JSON.',
  'body.utf8': () => 'Send UTF-8 JSON.',
  'server.error': () => 'Something went wrong on the server. The error was logged.',
  'bbox.invalid': () => 'The bbox is not valid.',
  'bbox.empty': () => 'The bbox is empty.',
  'bbox.order': () => 'Use minLon,minLat,maxLon,maxLat with min < max.',
  'file.timeout': ((p) => `The file could not be read within ${p.seconds} s; nothing was stored.`) as P<{
    seconds: number
  }>,

  // the database, by SQLSTATE (the constraint's name goes in a field of its own, never in this text)
  'db.duplicate': () => 'A record with the same key already exists.',
  'db.reference': () => 'A referenced record does not exist or is still in use.',
  'db.rule': () => 'The values break a rule of the data.',
  'db.concurrent': () => 'The record was changed at the same time by someone else; try again.',
  'db.timeout': () => 'The database took too long to answer.',
  'db.read_only': () => 'This record cannot be changed.',
  'db.format': () => 'A value has the wrong format or is out of range.',

  // signing in and roles
  'auth.sign_in': () => 'Sign in to continue.',
  'auth.role_forbidden': () => 'Your role does not allow this.',
  'auth.needs_role': ((p) => `This needs one of the roles: ${p.roles.join(', ')}.`) as P<{ roles: string[] }>,
  'auth.too_many': () => 'Too many failed sign-ins. Wait a little and try again.',
  'auth.wrong_password': () => 'Wrong username or password.',
  'token.unknown': () => 'The API token is unknown, revoked or expired.',
  'token.cannot_issue': () => 'The token cannot be issued.',
  'token.no_active_user': () => 'No active user.',
  'token.not_found': () => 'No live API token with this id.',

  // users and carriers
  'user.not_found': () => 'No such user.',
  'user.last_admin': () => 'This is the last active administrator: make another user an active administrator first.',
  'carrier.not_found': () => 'No such carrier.',
  'notification.not_found': () => 'No such notification.',

  // photos
  'photo.empty': () => 'The photo is empty.',
  'photo.type': () => 'Send a JPEG, PNG or WebP photo (recognised by its content).',
  'photo.too_large': ((p) => `A photo may be at most ${p.mb} MB.`) as P<{ mb: number }>,
  'photo.not_found': () => 'No such photo.',
  'photo.carrier_after': () => 'Only the responsible carrier adds after-photos.',
  'photo.item_reported': ((p) => `Photos are added before the item is reported; it is "${p.status}".`) as P<{
    status: string
  }>,
  'photo.item_full': ((p) => `An item holds at most ${p.n} photos.`) as P<N>,
  'photo.station_when': () => 'Site photos are taken during the field check, while the application waits for it.',
  'photo.station_full': ((p) => `A station holds at most ${p.n} photos.`) as P<N>,
  'photo.unknown_in_check': () => 'A photo of the field check is unknown.',

  // field inspections (issue 13)
  'inspection.not_found': () => 'No such inspection.',
  'inspection.no_asset_here': () => 'No such asset in the province.',
  'inspection.no_asset': ((p) => `There is no ${p.kind} ${p.id} in the province.`) as P<{ kind: string; id: number }>,
  'inspection.not_inspector': ((p) => `User ${p.id} is not an active inspector.`) as P<{ id: number }>,
  'inspection.cannot_create': () => 'The inspections cannot be created; nothing was stored.',
  'inspection.not_open': ((p) => `The inspection is "${p.state}", no longer open.`) as P<{ state: string }>,
  'inspection.stale': ((p) => `The record is at version ${p.have}, not ${p.sent}; reload it.`) as P<Version>,
  'inspection.checklist_stale': ((p) =>
    `The checklist is at version ${p.have}, not ${p.sent}; reload it.`) as P<Version>,
  'inspection.changed_concurrently': () => 'The inspection was changed at the same time; reload it.',
  'inspection.client_id_used': () => 'This device id was already used for another record.',
  'inspection.client_id': () => 'Send the header X-Client-Id with a uuid made on the device.',
  'inspection.asset_gone': () => 'The inspected asset no longer exists.',
  'inspection.asset_changed': ((p) =>
    `The asset changed since you read it (version ${p.have} now, ${p.sent} read); ` +
    'check it and record again.') as P<Version>,
  'inspection.answers': () => 'Some checklist answers are missing or do not fit their item.',
  'inspection.answer_missing': ((p) => `Answer "${p.en}".`) as P<{ vi: string; en: string }>,
  'inspection.answer_unknown': ((p) => `The checklist has no item "${p.key}".`) as P<{ key: string }>,
  'inspection.answer_kind': ((p) =>
    p.kind === 'boolean' ? 'Answer yes or no.' : p.kind === 'number' ? 'Answer a number.' : 'Answer a text.') as P<{
    kind: string
  }>,
  'inspection.answer_choice': ((p) => `Answer one of: ${p.choices.join(', ')}.`) as P<{ choices: string[] }>,
  'inspection.photos_full': ((p) => `An inspection holds at most ${p.n} photos.`) as P<N>,
  'inspection.follow_up_not_found': () => 'No such follow-up.',
  'inspection.follow_up_not_open': ((p) => `The follow-up is "${p.state}", no longer open.`) as P<{ state: string }>,
  'inspection.answer_photo': () => 'The photo was not uploaded to this follow-up by the carrier.',

  // CSV files
  'csv.unreadable': () => 'The CSV file cannot be read.',
  'csv.header_needed': () => 'The CSV needs a header row.',
  'csv.use_columns': ((p) => `Use the columns ${p.columns.join(', ')}.`) as P<{ columns: string[] }>,
  'csv.lines_refused': ((p) => `${count(p.n)} line(s) cannot be applied; nothing was changed.`) as P<N>,
  'csv.empty': () => 'The file is empty.',
  'csv.no_header': () => 'The CSV has no header line.',
  'csv.header_invalid': () => 'The header is not valid.',
  'csv.unknown_column': ((p) => `Unknown column; use ${p.columns.join(', ')}.`) as P<{ columns: string[] }>,
  'csv.no_sites': () => 'The file has no sites.',
  'csv.no_data': () => 'The CSV has a header but no data lines.',
  'csv.too_long': () => 'The file is too long.',
  'csv.max_rows': ((p) => `At most ${count(p.n)} sites per file.`) as P<N>,
  'csv.file_errors': ((p) => `The file has ${count(p.n)} error(s); nothing was stored.`) as P<N>,

  // stations
  'station.not_found': () => 'No such station.',
  'station.invalid': () => 'The station is not valid.',
  'station.outside_province': () => 'The site is outside the province.',
  'station.point_outside': ((p) => `The point ${p.lon}, ${p.lat} is outside province ${p.province}.`) as P<{
    lon: number
    lat: number
    province: string
  }>,
  'station.not_your_operator': ((p) => `A carrier applies as itself; "${p.operator}" is not your operator.`) as P<{
    operator: string
  }>,
  'station.stale': ((p) => `The station is at version ${p.have}, not ${p.sent}; reload it.`) as P<Version>,
  'station.locked': ((p) =>
    `A station in state "${p.state}" cannot be changed by ${p.byCarrier ? 'the carrier' : 'anyone'}.`) as P<{
    state: string
    byCarrier: boolean
  }>,
  'station.changed_concurrently': () => 'The station was changed by someone else at the same time; reload it.',
  'station.in_programme': ((p) =>
    `This mast is in the conversion programme "${p.programme}": ` +
    'its class and height change when the conversion is verified.') as P<{ programme: string }>,
  'station.action_forbidden': ((p) => `The role ${p.role} cannot ${p.action} a station in state "${p.state}".`) as P<{
    role: string
    action: string
    state: string
  }>,
  'station.bad_action': ((p) => `A station in state "${p.state}" cannot take the action "${p.action}".`) as P<{
    state: string
    action: string
  }>,
  'station.rules_failed': ((p) =>
    `The application fails ${p.rules.length} rule(s) (${p.rules.join(', ')}); ` +
    'give an exception reason to go on.') as P<{ rules: string[] }>,
  'station.exception_reason': ((p) => `Give the reason for the exception (at least ${p.n} characters).`) as P<N>,
  // a station's fields (zod messages name these codes; the answer words them in the request's language)
  'position.give_lon': () => 'Give the longitude.',
  'position.give_lat': () => 'Give the latitude.',
  'position.swapped_lonlat': () =>
    'Latitude and longitude look swapped: lon is east-west (about 102–110 in Việt Nam), lat north-south (about 8–24).',
  'position.lon_range': () => 'Longitude must be between -180 and 180.',
  'position.lat_range': () => 'Latitude must be between -90 and 90.',
  'position.give_northing': () => 'Give the VN-2000 northing (X).',
  'position.give_easting': () => 'Give the VN-2000 easting (Y).',
  'position.swapped_ne': () =>
    'Northing and easting look swapped: the northing (X) is about 950 000–2 600 000 m, ' +
    'the easting (Y) about 300 000–800 000 m.',
  'position.northing_range': () => 'A VN-2000 northing (X) in Việt Nam is between 900 000 and 2 700 000 m.',
  'position.easting_range': () => 'A VN-2000 easting (Y) is between 200 000 and 900 000 m.',
  'station.site_code_format': () => 'Use 2–40 letters, digits, dot, _ or -.',
  'station.mast_height_min': () => 'A mast height is more than 0 m.',
  'station.mast_height_max': () => 'A mast is at most 150 m tall.',
  'station.building_height_min': () => 'A building height is more than 0 m.',
  'station.building_height_max': () => 'A building is at most 400 m tall.',
  'station.reach_min': () => 'A reach beyond the building edge is 0 m or more.',
  'station.reach_max': () => 'A reach beyond the building edge is at most 50 m.',
  'station.camouflage_needed': () => 'A camouflaged mast (A1c) names its kind.',
  'station.camouflage_only_a1c': () => 'Only a camouflaged mast (A1c) has a camouflage kind.',
  'station.building_needed': ((p) => `A ${p.mastClass} mast stands on a building: give the building height.`) as P<{
    mastClass: string
  }>,
  'station.a2b_no_building': () => 'An A2b mast stands on the ground: leave the building height empty.',
  'station.reach_needed': () => 'An A1 mast states how far it reaches beyond the building edge (0 when it does not).',
  'station.a2b_no_reach': () => 'An A2b mast stands on the ground: leave the reach beyond the building edge empty.',
  'station.temporary_dates': () => 'A temporary station needs validFrom and validTo.',
  'station.valid_to_before': () => 'validTo is before validFrom.',
  'rules.not_set': ((p) => `No station rules are set for province ${p.province}.`) as P<{ province: string }>,
  'event.unknown': ((p) => `No event ${p.id}.`) as P<{ id: number }>,
  'event.area_invalid': () => 'The event area is not valid.',
  'position.cannot_convert': () => 'The position cannot be converted.',
  'position.invalid': () => 'The position is not valid.',
  'position.no_zone': ((p) => `No VN-2000 zone is known for province ${p.province}.`) as P<{ province: string }>,
  'field_check.position_needed': () => 'A field check that moves the site gives the new position.',
  'field_check.give_position': () => 'Give the position the site was moved to.',

  // conversion programme
  'programme.not_found': () => 'No such programme.',
  'programme.phases': () => 'The phases are not consistent.',
  'programme.stale': ((p) => `The programme is at version ${p.have}, not ${p.sent}; reload it.`) as P<Version>,
  'programme.rows_refused': ((p) =>
    `${p.n} row(s) cannot be imported; nothing was imported. Fix them or name them in skip.`) as P<N>,
  'item.not_found': () => 'No such programme item.',
  'item.role': ((p) => `The role ${p.role} cannot ${p.action} a programme item.`) as P<{
    role: string
    action: string
  }>,
  'item.stale': ((p) => `The item is at version ${p.have}, not ${p.sent}; reload it.`) as P<Version>,
  'item.bad_action': ((p) => `An item in status "${p.status}" cannot take the action "${p.action}".`) as P<{
    status: string
    action: string
  }>,
  'item.report_incomplete': () => 'The report is not complete.',
  'item.changed_concurrently': () => 'The item was changed by someone else at the same time; reload it.',

  // planning
  'zone.invalid': () => 'The zone geometry is not valid.',
  // a geometry checked by PostGIS (server/geo/service.ts); `noun` names what it is (GEO_NOUNS), `reason` is PostGIS's
  'geo.outside_province': ((p) =>
    `The ${p.noun} lies outside the province (more than ${count(p.m)} m beyond its boundary).`) as P<{
    noun: GeoNoun
    m: number
  }>,
  'geo.invalid': ((p) => `The ${p.noun} is not valid: ${p.reason}.`) as P<{ noun: GeoNoun; reason: string }>,
  'geo.repaired': ((p) => `The ${p.noun} was not valid (${p.reason}) and was repaired.`) as P<{
    noun: GeoNoun
    reason: string
  }>,
  'zone.not_found': () => 'No such zone.',
  'zone.stale': ((p) => `The zone is at version ${p.have}, not ${p.sent}; reload it.`) as P<Version>,
  'zone.import_errors': ((p) => `${count(p.n)} feature error(s); nothing was imported.`) as P<N>,

  // inspection campaigns
  'campaign.not_found': () => 'No such campaign.',
  'campaign.invalid': () => 'The campaign is not valid.',
  'campaign.already_generated': () => "The campaign's inspections were generated already; nothing was created.",
  'campaign.empty': () => 'The selection holds no asset; no inspection was created.',
  'campaign.no_district': () => 'No district with this code is in force today in the province.',
  'campaign.no_carrier': () => 'No carrier with this id.',
  'campaign.not_inspector': () => 'This user is not an active inspector.',
  'campaign.due_outside': ((p) => `The due date lies within the campaign, ${p.from} to ${p.to}.`) as P<{
    from: string
    to: string
  }>,

  // cables
  'route.not_found': () => 'No such cable route.',
  'route.invalid': () => 'The route is not valid.',
  'route.stale': ((p) =>
    `The route was changed by someone else (now version ${p.version}); reload it and try again.`) as P<{
    version: number
  }>,
  'route.carrier_until_done': () => 'A carrier changes a route only until it is completed.',
  'route.bad_step': ((p) => `A route cannot go from ${p.from} to ${p.to}.`) as P<{ from: string; to: string }>,
  'route.step_roles': ((p) =>
    `Moving a route from ${p.from} to ${p.to} needs one of the roles: ${p.roles.join(', ')}.`) as P<{
    from: string
    to: string
    roles: string[]
  }>,
  'route.date_before_start': () => 'The date is before the start of construction.',
  'route.use_date': ((p) => `Use ${p.date} or later.`) as P<{ date: string }>,
  'route.carrier_deletes_planned': () => 'A carrier deletes only its planned routes.',
  'route.shared_leave': () =>
    'Other carriers take part in this route: a carrier leaves a shared route instead of deleting it.',
  'route.remove_other': () =>
    'A carrier cannot remove another carrier from a shared route; each carrier leaves it itself.',
  'route.carrier_only': () => 'Only a carrier answers for its own participation.',
  'route.no_invitation': () => 'Your carrier has no open invitation to this route.',
  'route.not_taking': () => 'Your carrier does not take part in this route.',
  'route.only_carrier': () => 'Your carrier is the only one on this route: delete it instead.',
  'ducts.invalid': () => 'The duct allocation is not valid.',
  'ducts.stale': ((p) =>
    `The ducts were changed by someone else (now version ${p.version}); reload and try again.`) as P<{
    version: string
  }>,
  'pole.not_found': () => 'No such pole.',
  'pole.invalid': () => 'The pole is not valid.',
  'pole.stale': ((p) =>
    `The pole was changed by someone else (now version ${p.version}); reload it and try again.`) as P<{
    version: number
  }>,
  'import.file_invalid': ((p) => `The ${p.format} file is not valid: ${p.problems}`) as P<{
    format: string
    problems: string
  }>,
  'import.features_refused': ((p) => `${count(p.n)} feature(s) cannot be imported; nothing was stored.`) as P<N>,
  'import.no_route': ((p) => `The file holds no route: ${p.list}`) as P<{ list: string }>,

  'export.too_big': ((p) =>
    `A ${p.format} export holds at most ${count(p.limit)} features; narrow the filters, or choose GeoJSON, CSV, ` +
    'XLSX or GeoPackage.') as P<{ format: string; limit: number }>,

  // reports
  'report.no_province': ((p) => `No province with code ${p.code}.`) as P<{ code: string }>,
  'report.unknown_figure': () => 'Unknown figure.',
  'report.figures': ((p) => `The figures of ${p.part} are: ${p.list.join(', ')}.`) as P<{
    part: string
    list: string[]
  }>,

  // plans
  'plan.not_found': () => 'No such plan.',
  'plan.no_version': ((p) => `No version ${p.n} of this plan.`) as P<N>,
  'plan.bad_step': ((p) => `A ${p.state} version cannot be ${p.action === 'pass' ? 'passe' : p.action}d.`) as P<{
    state: string
    action: string
  }>,
  'plan.return_why': () => 'Say why the version is returned.',
  'plan.comment_required': () => 'A comment is required.',
  'plan.approval_decision': () => 'Approval records the decision.',
  'plan.decision_fields': () => "Give the People's Committee decision's number and date.",
  'plan.version_changed': () => 'The version was changed meanwhile; reload it and try again.',
  'plan.comment_who': () => "Only the department and the plan's carrier comment.",
  'plan.internal_comment': () => 'Internal comments are the department’s own.',
  'plan.answer_unknown': () => "The answer must refer to a department's comment on an earlier version of this plan.",
  'plan.locked': ((p) => `Version ${p.n} has been passed for the decision; no new version can be uploaded.`) as P<N>,
  'plan.features_refused': ((p) =>
    `${count(p.n)} of ${count(p.total)} feature(s) cannot be accepted; nothing was stored.`) as P<{
    n: number
    total: number
  }>,
  'plan.no_feature': () => 'The file holds no feature; nothing was stored.',
  'plan.carrier_only': () => 'Only a carrier files a plan.',
  'plan.import_not_found': ((p) =>
    `No such upload of this plan: it never was, or it finished more than ${p.minutes} minutes ago.`) as P<{
    minutes: number
  }>,
  'plan.imports_busy': ((p) => `${p.n} of your uploads are still running; wait for one to finish.`) as P<N>,
  'station.carrier_only': () => 'Only a carrier has applications.',

  // boundaries, coordinates, open data, tiles, basemap
  'boundary.rejected': () => 'The boundary file was rejected; nothing was written.',
  'boundary.unit_not_found': ((p) => `No ${p.level} with code ${p.code}.`) as P<{ level: string; code: string }>,
  'vn2000.no_zone': ((p) => `No VN-2000 zone is known for province ${p.province}.`) as P<{ province: string }>,
  'coords.unknown_zone': () => 'Unknown zone.',
  'coords.no_zone': ((p) =>
    `No VN-2000 zone for province code "${p.province}"; GET /api/coordinates/zones lists them.`) as P<{
    province: string
  }>,
  'coords.points_wrong': ((p) =>
    `${count(p.n)} of ${count(p.total)} points are outside Vietnam or in the wrong order.`) as P<{
    n: number
    total: number
  }>,
  /** An explanation the coordinate module words in both languages itself. */
  'coords.explained': ((p) => p.en) as P<{ en: string; vi: string }>,
  'ogc.crs_not_served': () => 'This CRS is not served.',
  'ogc.use_crs': ((p) => `Use one of: ${p.list.join(', ')}.`) as P<{ list: string[] }>,
  'ogc.bbox_metres': () => 'Use bbox=minE,minN,maxE,maxN in metres, min below max, sides ≤ 2000 km.',
  'ogc.no_collection': ((p) => `There is no collection "${p.id}".`) as P<{ id: string }>,
  'ogc.sign_in_for': ((p) => `Sign in or send an API token to read "${p.id}".`) as P<{ id: string }>,
  'ogc.no_feature': ((p) => `There is no feature ${p.id} in "${p.collection}".`) as P<{
    id: string
    collection: string
  }>,
  'tiles.no_layer': ((p) => `There is no tile layer "${p.layer}". Layers: ${p.layers.join(', ')}.`) as P<{
    layer: string
    layers: readonly string[]
  }>,
  'tiles.zoom': ((p) => `The zoom must be an integer 0–${p.max}.`) as P<{ max: number }>,
  'tiles.xy': ((p) => `At zoom ${p.z}, x and y are integers 0–${p.max}.`) as P<{ z: number; max: number }>,
  'tiles.sign_in': ((p) => `Sign in to see the ${p.layer} layer.`) as P<{ layer: string }>,
  'tiles.no_tile': ((p) => `No tile at ${p.url}; use /tiles/{layer}/{z}/{x}/{y}.mvt.`) as P<{ url: string }>,
  'basemap.none': () => 'No basemap archive is configured on this server (BASEMAP_PMTILES).',
  'basemap.unreadable': () => 'The configured basemap archive cannot be read.',
  'basemap.range': ((p) => `The archive is ${p.size} bytes long; the range starts after its end.`) as P<{
    size: number
  }>,

  // request fields whose zod schema names one of these codes as its message (worded in the request's language)
  'field.date_format': () => 'Use a date that exists, written YYYY-MM-DD (e.g. 2026-02-28).',
  'field.province_code': () => 'A province code is two digits (GSO), e.g. "79".',
  'field.bbox_degrees': () => 'Use bbox=minLon,minLat,maxLon,maxLat in degrees, min below max.',
  'auth.enter_username': () => 'Enter a username.',
  'auth.enter_password': () => 'Enter a password.',
  'user.username_format': () => 'Use 3–40 letters, digits, ".", "_" or "-".',
  'carrier.short_name_format': () => 'Use 2–20 letters, digits, _ or -.',
  'search.empty': () => 'Type something to search for.',
  'coords.points_pairs': () => 'Points are an array of [x, y] pairs.',
  'coords.points_min': () => 'Send at least one point.',
  'coords.points_max': () => 'Send at most 1000 points at a time.',
  'boundary.needs_province': () => 'District and ward files need the province code; province files must not have one.',
  'boundary.wards_scope': () => 'Wards need a province or a bbox.',
  'zone.classes_min': () => 'Allow at least one class.',
  'zone.not_feature': () => 'Not a GeoJSON Feature.',
  'event.ends_before': () => 'The event ends before it starts.',
  'plan.period_order': () => 'The period ends before it starts.',
  'report.needs_year': () => 'This period needs the year.',
  'report.needs_quarter': () => 'A quarter period needs quarter=1..4.',
  'report.needs_half': () => 'A half-year period needs half=1 or 2.',
  'report.needs_from': () => 'A range needs from=YYYY-MM-DD.',
  'report.needs_to': () => 'A range needs to=YYYY-MM-DD.',
  'report.to_before_from': () => 'The end of the range is before its start.',
  'programme.phase_order': () => 'Phases come in deadline order.',
  'item.after_photo_needed': () => 'Upload at least one after-photo before reporting the item done.',
  'item.completed_future': () => 'The completion date cannot be in the future.',
  'settings.band_overlap': () => 'This height band overlaps another for the same class and area.',
  'station.operator_fixed': () => 'The operator of a station cannot change.',
  'route.carrier_needed': () => 'Name at least one carrier on the route.',
  'ducts.underground_only': () => 'Shared ducts belong to underground routes.',
  'ducts.over_capacity': ((p) => `${p.allocated} tubes allocated but the route has ${p.capacity}.`) as P<{
    allocated: number
    capacity: number
  }>,
  'ducts.carrier_twice': () => 'A carrier appears twice.',
  // citizen reports (1022 tickets)
  'ticket.too_many': ((p) => `Too many requests from this address (at most ${count(p.limit)}); try again later.`) as P<{
    limit: number
    windowS: number
  }>,
  'ticket.outside_province': () => 'The place lies outside the province: reports are about places within it.',
  'ticket.no_sla': ((p) => `No deadline is set for category "${p.category}".`) as P<{ category: string }>,
  'ticket.not_found': () => 'No such ticket (check the number and the code).',
  'ticket.role': ((p) => `Your role cannot take the action "${p.action}" on a ticket.`) as P<{ action: string }>,
  'ticket.stale': ((p) => `The ticket is at version ${p.have}, not ${p.sent}; reload it.`) as P<Version>,
  'ticket.bad_action': ((p) => `A ticket in status "${p.status}" cannot take the action "${p.action}".`) as P<{
    status: string
    action: string
  }>,
  'ticket.no_such_asset': () => 'No such asset in the province.',
  'ticket.no_such_carrier': () => 'No such carrier.',
  'ticket.no_such_inspector': () => 'No such active inspector.',
  'ticket.inspect_needs_asset': () => 'An inspection needs an asset linked to the ticket.',
  'ticket.assign_someone': () => 'Assign a carrier, an inspector or both.',
  'ticket.resolution_photo': () => 'Add a photo of the resolved problem before resolving the ticket.',
  'ticket.photos_full': ((p) => `A ticket holds at most ${p.n} photos of this kind.`) as P<N>,
  'ticket.photo_role': () => 'Carriers add photos of the resolution only.',
  'ticket.photo_when': ((p) => `Photos are added while the ticket is open; it is "${p.status}".`) as P<{
    status: string
  }>,
  'ticket.public_photo_closed': () =>
    'Photos can be added within two hours of sending the report, while it waits for the department.',
  'ticket.phone_format': () => 'A phone number has 8 to 15 digits (spaces, dots and dashes are fine).',
  'ticket.describe': () => 'Describe the problem in a few words.',
  'ticket.number_format': () => 'A ticket number looks like 1022-2026-000123.',
  'ticket.code_format': () => 'The check code has 6 letters and digits.',
  'ticket.response_needed': () => 'Write the answer.',
  'ticket.resolution_needed': () => 'Say what was done (at least a few words).',
  'ticket.reason_needed': () => 'Give the reason (at least a few words).',
  'photo.unreadable': () => 'The photo cannot be read as an image.',
}

export type MessageCode = keyof typeof en
