/** The server's human texts in Vietnamese (the default language), by the codes of messages.en.ts. */
import type { en, GeoNoun } from './messages.en'
import { formatNumber } from '../../shared/format'

/** A count as the language writes it (3.000 in Vietnamese, 3,000 in English); anything else as it is. */
const count = (n: unknown) => (typeof n === 'number' ? formatNumber(n, 'vi', 0, 0) : String(n))

/** What a checked geometry is, as a sentence begins with it. */
const GEO_NOUN: Record<GeoNoun, string> = {
  geometry: 'Hình học',
  polygon: 'Vùng',
  line: 'Tuyến',
  station: 'Vị trí trạm',
  pole: 'Vị trí cột',
  place: 'Vị trí',
}

/** PostGIS's reasons (ST_IsValidReason) in Vietnamese, the position kept; an unknown reason as PostGIS gives it. */
const GEO_REASONS: [RegExp, string][] = [
  [/^Ring Self-intersection/i, 'vòng tự cắt'],
  [/^Self-intersection/i, 'tự cắt nhau'],
  [/^Too few points/i, 'quá ít điểm'],
  [/^Hole lies outside shell/i, 'lỗ nằm ngoài vành ngoài'],
  [/^Nested shells/i, 'vành lồng nhau'],
  [/^Nested holes/i, 'lỗ lồng nhau'],
  [/^Interior is disconnected/i, 'phần trong bị chia cắt'],
  [/^Invalid Coordinate/i, 'toạ độ không hợp lệ'],
  [/^Ring is not closed/i, 'vòng không khép kín'],
]
function geoReason(reason: string): string {
  const at = reason.indexOf('[')
  const where = at >= 0 ? ` ${reason.slice(at)}` : ''
  for (const [pattern, vi] of GEO_REASONS) if (pattern.test(reason)) return vi + where
  return reason
}

type Catalogue = { [K in keyof typeof en]: (typeof en)[K] }

const ROLE: Record<string, string> = {
  admin: 'quản trị viên',
  officer: 'chuyên viên Sở',
  inspector: 'thanh tra viên',
  carrier: 'doanh nghiệp',
  public: 'người dân',
  'signed-in': 'người đã đăng nhập',
}
const STATE: Record<string, string> = {
  draft: 'bản nháp',
  submitted: 'đã nộp',
  field_checked: 'đã kiểm tra thực tế',
  returned: 'trả lại bổ sung',
  approved: 'đã chấp thuận',
  rejected: 'từ chối',
  built: 'đã xây dựng',
  in_service: 'đang hoạt động',
  decommissioned: 'đã tháo dỡ',
  // cable routes and programme items
  planned: 'kế hoạch',
  under_construction: 'đang thi công',
  completed: 'hoàn thành',
  accepted: 'đã nghiệm thu',
  in_progress: 'đang thi công',
  reported: 'doanh nghiệp báo hoàn thành',
  verified: 'đã nghiệm thu',
}
const ACTION: Record<string, string> = {
  create: 'tạo hồ sơ',
  update: 'cập nhật hồ sơ',
  submit: 'nộp hồ sơ',
  field_check: 'kiểm tra thực tế',
  skip_field_check: 'bỏ qua kiểm tra thực tế',
  approve: 'chấp thuận',
  reject: 'từ chối',
  return: 'trả lại',
  report_built: 'báo cáo xây dựng xong',
  report_in_service: 'báo cáo đưa vào hoạt động',
  pass_inspection: 'kiểm tra sau xây dựng đạt',
  waive_inspection: 'miễn kiểm tra sau xây dựng',
  decommission: 'tháo dỡ',
  start: 'bắt đầu thi công',
  report: 'báo cáo hoàn thành',
  verify: 'nghiệm thu',
}
const RULE: Record<string, string> = {
  in_province: 'trong địa giới tỉnh',
  zone_class: 'vùng quy hoạch cho phép loại cột',
  zone_height: 'giới hạn chiều cao của vùng',
  a1_limits: 'giới hạn cột A1',
  a1_reach: 'cột A1 vươn ra ngoài mép công trình',
  spacing: 'khoảng cách tối thiểu giữa các cột',
  must_share: 'bắt buộc dùng chung cột',
  duplicate: 'trùng trạm của doanh nghiệp',
}
const ASSET: Record<string, string> = {
  station: 'trạm',
  pole: 'cột',
  cable_route: 'tuyến cáp',
  duct: 'tuyến cống bể',
}
const INSPECTION_STATE: Record<string, string> = {
  assigned: 'đã giao',
  recorded: 'đã ghi kết quả',
  cancelled: 'đã huỷ',
  open: 'đang mở',
  answered: 'đã trả lời',
  closed: 'đã đóng',
}
const inspectionState = (s: string) => `“${INSPECTION_STATE[s] ?? s}”`
const TICKET_STATE: Record<string, string> = {
  received: 'đã tiếp nhận',
  assigned: 'đã giao xử lý',
  in_progress: 'đang xử lý',
  resolved: 'đã xử lý',
  rejected: 'đã đóng',
}
const TICKET_ACTION: Record<string, string> = {
  assign: 'giao xử lý',
  respond: 'trả lời',
  resolve: 'báo đã xử lý',
  reject: 'đóng',
  reopen: 'mở lại',
}
const ticketState = (s: unknown) => `“${TICKET_STATE[String(s)] ?? String(s)}”`
const ticketAction = (a: unknown) => `“${TICKET_ACTION[String(a)] ?? String(a)}”`
const LEVEL: Record<string, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' }

const role = (r: string) => ROLE[r] ?? r
const state = (s: string) => `“${STATE[s] ?? s}”`
const action = (a: string) => `“${ACTION[a] ?? a}”`

export const vi: Catalogue = {
  'title.400': () => 'Yêu cầu không hợp lệ',
  'title.401': () => 'Chưa đăng nhập',
  'title.403': () => 'Không được phép',
  'title.404': () => 'Không tìm thấy',
  'title.409': () => 'Xung đột dữ liệu',
  'title.413': () => 'Dữ liệu gửi quá lớn',
  'title.415': () => 'Định dạng không được hỗ trợ',
  'title.416': () => 'Khoảng dữ liệu không hợp lệ',
  'title.422': () => 'Dữ liệu chưa hợp lệ',
  'title.429': () => 'Quá nhiều yêu cầu',
  'title.500': () => 'Lỗi máy chủ',
  'title.503': () => 'Cơ sở dữ liệu quá hạn trả lời',

  'request.invalid': () => 'Yêu cầu chưa hợp lệ.',
  'request.unreadable': () => 'Không đọc được yêu cầu.',
  'request.cross_site': () => 'Không chấp nhận yêu cầu từ trang web khác.',
  'api.no_route': (p) => `Không có đường dẫn API ${p.method} ${p.path}.`,
  not_found: () => 'Không tìm thấy.',
  'body.too_large': (p) => `Nội dung yêu cầu vượt quá giới hạn ${count(p.limit)} byte.`,
  'body.not_json': () => 'Nội dung yêu cầu không phải JSON hợp lệ.',
  'body.utf8': () => 'Hãy gửi JSON mã hoá UTF-8.',
  'server.error': () => 'Máy chủ gặp lỗi. Lỗi đã được ghi lại.',
  'bbox.invalid': () => 'Khung bao (bbox) không hợp lệ.',
  'bbox.empty': () => 'Khung bao (bbox) rỗng.',
  'bbox.order': () => 'Dùng minLon,minLat,maxLon,maxLat với min < max.',
  'file.timeout': (p) => `Không đọc xong tệp trong ${p.seconds} giây; chưa lưu gì.`,

  'db.duplicate': () => 'Đã có một bản ghi trùng khoá.',
  'db.reference': () => 'Bản ghi được tham chiếu không tồn tại hoặc vẫn đang được dùng.',
  'db.rule': () => 'Giá trị vi phạm một ràng buộc của dữ liệu.',
  'db.concurrent': () => 'Bản ghi vừa bị người khác thay đổi cùng lúc; hãy thử lại.',
  'db.timeout': () => 'Cơ sở dữ liệu trả lời quá lâu.',
  'db.read_only': () => 'Không thể thay đổi bản ghi này.',
  'db.format': () => 'Một giá trị sai định dạng hoặc nằm ngoài phạm vi cho phép.',

  'auth.sign_in': () => 'Hãy đăng nhập để tiếp tục.',
  'auth.role_forbidden': () => 'Vai trò của bạn không được phép làm việc này.',
  'auth.needs_role': (p) => `Việc này cần một trong các vai trò: ${p.roles.map(role).join(', ')}.`,
  'auth.too_many': () => 'Đăng nhập sai quá nhiều lần. Hãy chờ một lát rồi thử lại.',
  'auth.wrong_password': () => 'Sai tên đăng nhập hoặc mật khẩu.',
  'token.unknown': () => 'Mã API không tồn tại, đã bị thu hồi hoặc đã hết hạn.',
  'token.cannot_issue': () => 'Không cấp được mã API.',
  'token.no_active_user': () => 'Không có người dùng đang hoạt động này.',
  'token.not_found': () => 'Không có mã API còn hiệu lực với số hiệu này.',

  'user.not_found': () => 'Không có người dùng này.',
  'user.last_admin': () =>
    'Đây là quản trị viên đang hoạt động cuối cùng: hãy cho một người dùng khác làm quản trị viên trước.',
  'carrier.not_found': () => 'Không có doanh nghiệp này.',
  'notification.not_found': () => 'Không có thông báo này.',

  'photo.empty': () => 'Ảnh rỗng.',
  'photo.type': () => 'Hãy gửi ảnh JPEG, PNG hoặc WebP (nhận biết theo nội dung tệp).',
  'photo.too_large': (p) => `Mỗi ảnh tối đa ${p.mb} MB.`,
  'photo.not_found': () => 'Không có ảnh này.',
  'photo.carrier_after': () => 'Chỉ doanh nghiệp chịu trách nhiệm mới thêm ảnh sau cải tạo.',
  'photo.item_reported': (p) =>
    `Ảnh được thêm trước khi báo cáo hoàn thành; hạng mục đang ở trạng thái ${state(p.status)}.`,
  'photo.item_full': (p) => `Mỗi hạng mục có tối đa ${p.n} ảnh.`,
  'photo.station_when': () => 'Ảnh hiện trường được chụp khi kiểm tra thực tế, lúc hồ sơ đang chờ kiểm tra.',
  'photo.station_full': (p) => `Mỗi trạm có tối đa ${p.n} ảnh.`,
  'photo.unknown_in_check': () => 'Có ảnh kiểm tra thực tế không tồn tại.',

  'inspection.not_found': () => 'Không có lượt kiểm tra này.',
  'inspection.no_asset_here': () => 'Không có đối tượng này trong tỉnh.',
  'inspection.no_asset': (p) => `Không có ${ASSET[p.kind] ?? p.kind} ${p.id} trong tỉnh.`,
  'inspection.not_inspector': (p) => `Người dùng ${p.id} không phải thanh tra viên đang hoạt động.`,
  'inspection.cannot_create': () => 'Không tạo được các lượt kiểm tra; chưa lưu gì.',
  'inspection.not_open': (p) => `Lượt kiểm tra đang ở trạng thái ${inspectionState(p.state)}, không còn mở.`,
  'inspection.stale': (p) => `Bản ghi đang ở phiên bản ${p.have}, không phải ${p.sent}; hãy tải lại.`,
  'inspection.checklist_stale': (p) =>
    `Danh mục kiểm tra đang ở phiên bản ${p.have}, không phải ${p.sent}; hãy tải lại.`,
  'inspection.changed_concurrently': () => 'Lượt kiểm tra vừa bị thay đổi cùng lúc; hãy tải lại.',
  'inspection.client_id_used': () => 'Mã thiết bị này đã dùng cho một bản ghi khác.',
  'inspection.client_id': () => 'Hãy gửi tiêu đề X-Client-Id là một uuid tạo trên thiết bị.',
  'inspection.asset_gone': () => 'Đối tượng được kiểm tra không còn tồn tại.',
  'inspection.asset_changed': (p) =>
    `Đối tượng đã thay đổi từ khi bạn tải về (nay là phiên bản ${p.have}, bạn đã xem ${p.sent}); ` +
    'hãy xem lại và ghi lại.',
  'inspection.answers': () => 'Một số câu trả lời trong danh mục kiểm tra còn thiếu hoặc không hợp lệ.',
  'inspection.answer_missing': (p) => `Hãy trả lời “${p.vi}”.`,
  'inspection.answer_unknown': (p) => `Danh mục kiểm tra không có mục “${p.key}”.`,
  'inspection.answer_kind': (p) =>
    p.kind === 'boolean'
      ? 'Hãy trả lời có hoặc không.'
      : p.kind === 'number'
        ? 'Hãy nhập một số.'
        : 'Hãy nhập nội dung.',
  'inspection.answer_choice': (p) => `Hãy chọn một trong: ${p.choices.join(', ')}.`,
  'inspection.photos_full': (p) => `Mỗi lượt kiểm tra có tối đa ${p.n} ảnh.`,
  'inspection.follow_up_not_found': () => 'Không có yêu cầu khắc phục này.',
  'inspection.follow_up_not_open': (p) =>
    `Yêu cầu khắc phục đang ở trạng thái ${inspectionState(p.state)}, không còn mở.`,
  'inspection.answer_photo': () => 'Ảnh này không phải ảnh doanh nghiệp đã tải lên cho yêu cầu khắc phục này.',

  'csv.unreadable': () => 'Không đọc được tệp CSV.',
  'csv.header_needed': () => 'Tệp CSV cần có dòng tiêu đề.',
  'csv.use_columns': (p) => `Dùng các cột ${p.columns.join(', ')}.`,
  'csv.lines_refused': (p) => `${count(p.n)} dòng không áp dụng được; chưa thay đổi gì.`,
  'csv.empty': () => 'Tệp rỗng.',
  'csv.no_header': () => 'Tệp CSV không có dòng tiêu đề.',
  'csv.header_invalid': () => 'Dòng tiêu đề không hợp lệ.',
  'csv.unknown_column': (p) => `Cột không xác định; dùng ${p.columns.join(', ')}.`,
  'csv.no_sites': () => 'Tệp không có trạm nào.',
  'csv.no_data': () => 'Tệp CSV có dòng tiêu đề nhưng không có dòng dữ liệu.',
  'csv.too_long': () => 'Tệp quá dài.',
  'csv.max_rows': (p) => `Mỗi tệp tối đa ${count(p.n)} trạm.`,
  'csv.file_errors': (p) => `Tệp có ${count(p.n)} lỗi; chưa lưu gì.`,

  'station.not_found': () => 'Không có trạm này.',
  'station.invalid': () => 'Hồ sơ trạm chưa hợp lệ.',
  'station.outside_province': () => 'Vị trí trạm nằm ngoài tỉnh.',
  'station.point_outside': (p) => `Điểm ${p.lon}, ${p.lat} nằm ngoài tỉnh ${p.province}.`,
  'station.not_your_operator': (p) =>
    `Doanh nghiệp chỉ nộp hồ sơ của chính mình; “${p.operator}” không phải doanh nghiệp của bạn.`,
  'station.stale': (p) => `Hồ sơ đang ở phiên bản ${p.have}, không phải ${p.sent}; hãy tải lại.`,
  'station.locked': (p) =>
    `Trạm ở trạng thái ${state(p.state)} không thể được ${p.byCarrier ? 'doanh nghiệp' : 'ai'} sửa đổi.`,
  'station.changed_concurrently': () => 'Hồ sơ vừa bị người khác thay đổi cùng lúc; hãy tải lại.',
  'station.in_programme': (p) =>
    `Cột này nằm trong chương trình cải tạo “${p.programme}”: loại cột và chiều cao thay đổi khi cải tạo được ` +
    'nghiệm thu.',
  'station.action_forbidden': (p) =>
    `Vai trò ${role(p.role)} không được ${action(p.action)} trạm ở trạng thái ${state(p.state)}.`,
  'station.bad_action': (p) => `Trạm ở trạng thái ${state(p.state)} không thể ${action(p.action)}.`,
  'station.rules_failed': (p) =>
    `Hồ sơ không đạt ${p.rules.length} quy định (${p.rules.map((r) => RULE[r] ?? r).join('; ')}); ` +
    'hãy nêu lý do đề nghị ngoại lệ để tiếp tục.',
  'station.exception_reason': (p) => `Hãy nêu lý do ngoại lệ (ít nhất ${p.n} ký tự).`,
  'position.give_lon': () => 'Hãy nhập kinh độ.',
  'position.give_lat': () => 'Hãy nhập vĩ độ.',
  'position.swapped_lonlat': () =>
    'Vĩ độ và kinh độ có vẻ bị đảo: kinh độ là hướng đông–tây (khoảng 102–110 ở Việt Nam), ' +
    'vĩ độ là hướng bắc–nam (khoảng 8–24).',
  'position.lon_range': () => 'Kinh độ phải nằm trong khoảng -180 đến 180.',
  'position.lat_range': () => 'Vĩ độ phải nằm trong khoảng -90 đến 90.',
  'position.give_northing': () => 'Hãy nhập toạ độ X (hướng Bắc) VN-2000.',
  'position.give_easting': () => 'Hãy nhập toạ độ Y (hướng Đông) VN-2000.',
  'position.swapped_ne': () =>
    'X và Y có vẻ bị đảo: X (hướng Bắc) khoảng 950.000–2.600.000 m, Y (hướng Đông) khoảng 300.000–800.000 m.',
  'position.northing_range': () => 'Toạ độ X (hướng Bắc) VN-2000 ở Việt Nam nằm trong khoảng 900.000–2.700.000 m.',
  'position.easting_range': () => 'Toạ độ Y (hướng Đông) VN-2000 nằm trong khoảng 200.000–900.000 m.',
  'station.site_code_format': () => 'Dùng 2–40 ký tự: chữ cái không dấu, chữ số, dấu chấm, _ hoặc -.',
  'station.mast_height_min': () => 'Chiều cao cột phải lớn hơn 0 m.',
  'station.mast_height_max': () => 'Cột cao tối đa 150 m.',
  'station.building_height_min': () => 'Chiều cao công trình phải lớn hơn 0 m.',
  'station.building_height_max': () => 'Công trình cao tối đa 400 m.',
  'station.reach_min': () => 'Phần vươn ra ngoài mép công trình phải từ 0 m trở lên.',
  'station.reach_max': () => 'Phần vươn ra ngoài mép công trình tối đa 50 m.',
  'station.camouflage_needed': () => 'Cột ngụy trang (A1c) phải nêu kiểu ngụy trang.',
  'station.camouflage_only_a1c': () => 'Chỉ cột ngụy trang (A1c) mới có kiểu ngụy trang.',
  'station.building_needed': (p) => `Cột ${p.mastClass} đặt trên công trình: hãy nhập chiều cao công trình.`,
  'station.a2b_no_building': () => 'Cột A2b đặt dưới đất: để trống chiều cao công trình.',
  'station.reach_needed': () => 'Cột A1 phải nêu phần vươn ra ngoài mép công trình (0 nếu không vươn ra).',
  'station.a2b_no_reach': () => 'Cột A2b đặt dưới đất: để trống phần vươn ra ngoài mép công trình.',
  'station.temporary_dates': () => 'Trạm tạm thời cần ngày bắt đầu và ngày kết thúc hiệu lực.',
  'station.valid_to_before': () => 'Ngày kết thúc hiệu lực trước ngày bắt đầu.',
  'rules.not_set': (p) => `Chưa đặt quy định về trạm cho tỉnh ${p.province}.`,
  'event.unknown': (p) => `Không có sự kiện ${p.id}.`,
  'event.area_invalid': () => 'Vùng sự kiện không hợp lệ.',
  'position.cannot_convert': () => 'Không chuyển đổi được toạ độ.',
  'position.invalid': () => 'Vị trí không hợp lệ.',
  'position.no_zone': (p) => `Chưa biết múi chiếu VN-2000 của tỉnh ${p.province}.`,
  'field_check.position_needed': () => 'Kiểm tra thực tế có dời vị trí trạm thì phải cho vị trí mới.',
  'field_check.give_position': () => 'Hãy nhập vị trí mới của trạm.',

  'programme.not_found': () => 'Không có chương trình này.',
  'programme.phases': () => 'Các giai đoạn không nhất quán.',
  'programme.stale': (p) => `Chương trình đang ở phiên bản ${p.have}, không phải ${p.sent}; hãy tải lại.`,
  'programme.rows_refused': (p) =>
    `${p.n} dòng không nhập được; chưa nhập gì. Hãy sửa các dòng đó hoặc liệt kê chúng trong skip.`,
  'item.not_found': () => 'Không có hạng mục này trong chương trình.',
  'item.role': (p) => `Vai trò ${role(p.role)} không được ${action(p.action)} hạng mục của chương trình.`,
  'item.stale': (p) => `Hạng mục đang ở phiên bản ${p.have}, không phải ${p.sent}; hãy tải lại.`,
  'item.bad_action': (p) => `Hạng mục ở trạng thái ${state(p.status)} không thể ${action(p.action)}.`,
  'item.report_incomplete': () => 'Báo cáo chưa đầy đủ.',
  'item.changed_concurrently': () => 'Hạng mục vừa bị người khác thay đổi cùng lúc; hãy tải lại.',

  'geo.outside_province': (p) => `${GEO_NOUN[p.noun]} nằm ngoài địa giới tỉnh (cách ranh giới hơn ${count(p.m)} m).`,
  'geo.invalid': (p) => `${GEO_NOUN[p.noun]} không hợp lệ: ${geoReason(p.reason)}.`,
  'geo.repaired': (p) => `${GEO_NOUN[p.noun]} không hợp lệ (${geoReason(p.reason)}) và đã được sửa tự động.`,
  'zone.invalid': () => 'Hình dạng vùng quy hoạch không hợp lệ.',
  'zone.not_found': () => 'Không có vùng quy hoạch này.',
  'zone.stale': (p) => `Vùng đang ở phiên bản ${p.have}, không phải ${p.sent}; hãy tải lại.`,
  'zone.import_errors': (p) => `${count(p.n)} đối tượng lỗi; chưa nhập gì.`,
  'campaign.not_found': () => 'Không có đợt kiểm tra này.',
  'campaign.invalid': () => 'Đợt kiểm tra không hợp lệ.',
  'campaign.already_generated': () => 'Đợt kiểm tra đã được tạo phiếu kiểm tra; không tạo thêm gì.',
  'campaign.empty': () => 'Phạm vi đã chọn không có tài sản nào; chưa tạo phiếu kiểm tra nào.',
  'campaign.no_district': () => 'Không có quận/huyện nào mang mã này đang có hiệu lực trong tỉnh.',
  'campaign.no_carrier': () => 'Không có doanh nghiệp mang mã số này.',
  'campaign.not_inspector': () => 'Người dùng này không phải cán bộ kiểm tra đang hoạt động.',
  'campaign.due_outside': (p) => `Hạn kiểm tra phải nằm trong thời gian của đợt, từ ${p.from} đến ${p.to}.`,

  'route.not_found': () => 'Không có tuyến cáp này.',
  'route.invalid': () => 'Tuyến cáp chưa hợp lệ.',
  'route.stale': (p) => `Tuyến vừa bị người khác thay đổi (nay là phiên bản ${p.version}); hãy tải lại và thử lại.`,
  'route.carrier_until_done': () => 'Doanh nghiệp chỉ sửa tuyến cho đến khi tuyến hoàn thành.',
  'route.bad_step': (p) => `Tuyến không thể chuyển từ ${state(p.from)} sang ${state(p.to)}.`,
  'route.step_roles': (p) =>
    `Chuyển tuyến từ ${state(p.from)} sang ${state(p.to)} cần một trong các vai trò: ${p.roles.map(role).join(', ')}.`,
  'route.date_before_start': () => 'Ngày này trước ngày khởi công.',
  'route.use_date': (p) => `Dùng ngày ${p.date} hoặc sau đó.`,
  'route.carrier_deletes_planned': () => 'Doanh nghiệp chỉ xoá được các tuyến kế hoạch của mình.',
  'route.shared_leave': () =>
    'Tuyến này có doanh nghiệp khác cùng tham gia: doanh nghiệp rời tuyến dùng chung thay vì xoá tuyến.',
  'route.remove_other': () =>
    'Doanh nghiệp không thể đưa doanh nghiệp khác ra khỏi tuyến dùng chung; mỗi doanh nghiệp tự rời tuyến.',
  'route.carrier_only': () => 'Chỉ doanh nghiệp mới trả lời về việc tham gia của mình.',
  'route.no_invitation': () => 'Doanh nghiệp của bạn không có lời mời nào đang mở cho tuyến này.',
  'route.not_taking': () => 'Doanh nghiệp của bạn không tham gia tuyến này.',
  'route.only_carrier': () => 'Doanh nghiệp của bạn là đơn vị duy nhất trên tuyến: hãy xoá tuyến.',
  'ducts.invalid': () => 'Phân bổ ống cống chưa hợp lệ.',
  'ducts.stale': (p) => `Ống cống vừa bị người khác thay đổi (nay là phiên bản ${p.version}); hãy tải lại và thử lại.`,
  'pole.not_found': () => 'Không có cột này.',
  'pole.invalid': () => 'Cột chưa hợp lệ.',
  'pole.stale': (p) => `Cột vừa bị người khác thay đổi (nay là phiên bản ${p.version}); hãy tải lại và thử lại.`,
  'import.file_invalid': (p) => `Tệp ${p.format} không hợp lệ: ${p.problems}`,
  'import.features_refused': (p) => `${count(p.n)} đối tượng không nhập được; chưa lưu gì.`,
  'import.no_route': (p) => `Tệp không chứa tuyến nào: ${p.list}`,

  'export.too_big': (p) =>
    `Tệp xuất ${p.format} chứa tối đa ${count(p.limit)} đối tượng; hãy thu hẹp bộ lọc, hoặc chọn GeoJSON, CSV, ` +
    'XLSX hay GeoPackage.',
  'report.no_province': (p) => `Không có tỉnh có mã ${p.code}.`,
  'report.unknown_figure': () => 'Chỉ tiêu không xác định.',
  'report.figures': (p) => `Các chỉ tiêu của ${p.part} là: ${p.list.join(', ')}.`,
  'plan.not_found': () => 'Không có kế hoạch này.',
  'plan.no_version': (p) => `Kế hoạch không có phiên bản ${p.n}.`,
  'plan.bad_step': (p) => `Phiên bản ở trạng thái ${state(p.state)} không thể ${action(p.action)}.`,
  'plan.return_why': () => 'Hãy nêu lý do trả lại phiên bản.',
  'plan.comment_required': () => 'Cần có ý kiến.',
  'plan.approval_decision': () => 'Phê duyệt phải ghi quyết định.',
  'plan.decision_fields': () => 'Hãy nhập số và ngày quyết định của Uỷ ban nhân dân.',
  'plan.version_changed': () => 'Phiên bản vừa bị thay đổi; hãy tải lại và thử lại.',
  'plan.comment_who': () => 'Chỉ Sở và doanh nghiệp của kế hoạch mới được góp ý.',
  'plan.internal_comment': () => 'Ý kiến nội bộ chỉ dành cho Sở.',
  'plan.answer_unknown': () => 'Phần trả lời phải gắn với một ý kiến của Sở ở phiên bản trước của quy hoạch này.',
  'plan.locked': (p) => `Phiên bản ${p.n} đã được chuyển để quyết định; không thể tải lên phiên bản mới.`,
  'plan.features_refused': (p) => `${count(p.n)} trên ${count(p.total)} đối tượng không được chấp nhận; chưa lưu gì.`,
  'plan.no_feature': () => 'Tệp không có đối tượng nào; chưa lưu gì.',
  'plan.carrier_only': () => 'Chỉ doanh nghiệp mới lập kế hoạch.',
  'plan.import_not_found': (p) =>
    `Không có lượt tải lên này của quy hoạch: chưa từng có, hoặc đã xong hơn ${p.minutes} phút trước.`,
  'plan.imports_busy': (p) => `${p.n} lượt tải lên của doanh nghiệp vẫn đang chạy; hãy chờ một lượt xong.`,
  'station.carrier_only': () => 'Chỉ doanh nghiệp mới có hồ sơ.',
  'boundary.rejected': () => 'Tệp địa giới bị từ chối; chưa ghi gì.',
  'boundary.unit_not_found': (p) => `Không có ${LEVEL[p.level] ?? p.level} có mã ${p.code}.`,
  'vn2000.no_zone': (p) => `Chưa biết múi chiếu VN-2000 của tỉnh ${p.province}.`,
  'coords.unknown_zone': () => 'Múi chiếu không xác định.',
  'coords.no_zone': (p) =>
    `Không có múi chiếu VN-2000 cho mã tỉnh “${p.province}”; GET /api/coordinates/zones liệt kê các múi.`,
  'coords.points_wrong': (p) => `${count(p.n)} trên ${count(p.total)} điểm nằm ngoài Việt Nam hoặc sai thứ tự.`,
  'coords.explained': (p) => p.vi,
  'ogc.crs_not_served': () => 'Hệ toạ độ này không được cung cấp.',
  'ogc.use_crs': (p) => `Dùng một trong: ${p.list.join(', ')}.`,
  'ogc.bbox_metres': () => 'Dùng bbox=minE,minN,maxE,maxN theo mét, min nhỏ hơn max, mỗi cạnh ≤ 2000 km.',
  'ogc.no_collection': (p) => `Không có tập dữ liệu “${p.id}”.`,
  'ogc.sign_in_for': (p) => `Hãy đăng nhập hoặc gửi mã API để đọc “${p.id}”.`,
  'ogc.no_feature': (p) => `Không có đối tượng ${p.id} trong “${p.collection}”.`,
  'tiles.no_layer': (p) => `Không có lớp tile “${p.layer}”. Các lớp: ${p.layers.join(', ')}.`,
  'tiles.zoom': (p) => `Mức thu phóng phải là số nguyên 0–${p.max}.`,
  'tiles.xy': (p) => `Ở mức thu phóng ${p.z}, x và y là số nguyên 0–${p.max}.`,
  'tiles.sign_in': (p) => `Hãy đăng nhập để xem lớp ${p.layer}.`,
  'tiles.no_tile': (p) => `Không có tile tại ${p.url}; dùng /tiles/{layer}/{z}/{x}/{y}.mvt.`,
  'basemap.none': () => 'Máy chủ chưa cấu hình tệp bản đồ nền (BASEMAP_PMTILES).',
  'basemap.unreadable': () => 'Không đọc được tệp bản đồ nền đã cấu hình.',
  'basemap.range': (p) => `Tệp dài ${p.size} byte; khoảng yêu cầu bắt đầu sau cuối tệp.`,

  // request fields whose zod schema names one of these codes as its message
  'field.date_format': () => 'Nhập một ngày có thật, dạng YYYY-MM-DD (ví dụ 2026-02-28).',
  'field.province_code': () => 'Mã tỉnh gồm hai chữ số (mã thống kê), ví dụ "79".',
  'field.bbox_degrees': () => 'Dùng bbox=minLon,minLat,maxLon,maxLat tính bằng độ, giá trị nhỏ trước giá trị lớn.',
  'auth.enter_username': () => 'Nhập tên đăng nhập.',
  'auth.enter_password': () => 'Nhập mật khẩu.',
  'user.username_format': () => 'Dùng 3–40 chữ cái không dấu, chữ số, ".", "_" hoặc "-".',
  'carrier.short_name_format': () => 'Dùng 2–20 chữ cái không dấu, chữ số, _ hoặc -.',
  'search.empty': () => 'Nhập nội dung cần tìm.',
  'coords.points_pairs': () => 'Các điểm là một mảng các cặp [x, y].',
  'coords.points_min': () => 'Gửi ít nhất một điểm.',
  'coords.points_max': () => 'Mỗi lần gửi tối đa 1000 điểm.',
  'boundary.needs_province': () => 'Tệp cấp huyện và cấp xã cần mã tỉnh; tệp cấp tỉnh không được có mã tỉnh.',
  'boundary.wards_scope': () => 'Lấy danh sách xã, phường cần mã tỉnh hoặc bbox.',
  'zone.classes_min': () => 'Cho phép ít nhất một loại cột.',
  'zone.not_feature': () => 'Không phải một đối tượng (Feature) GeoJSON.',
  'event.ends_before': () => 'Ngày kết thúc sự kiện trước ngày bắt đầu.',
  'plan.period_order': () => 'Năm kết thúc kỳ quy hoạch trước năm bắt đầu.',
  'report.needs_year': () => 'Kỳ báo cáo này cần chọn năm.',
  'report.needs_quarter': () => 'Kỳ báo cáo quý cần chọn quý (1–4).',
  'report.needs_half': () => 'Kỳ báo cáo 6 tháng cần chọn 6 tháng đầu năm hoặc cuối năm (1 hoặc 2).',
  'report.needs_from': () => 'Khoảng thời gian cần ngày bắt đầu (YYYY-MM-DD).',
  'report.needs_to': () => 'Khoảng thời gian cần ngày kết thúc (YYYY-MM-DD).',
  'report.to_before_from': () => 'Ngày kết thúc trước ngày bắt đầu.',
  'programme.phase_order': () => 'Các giai đoạn phải theo thứ tự thời hạn.',
  'item.after_photo_needed': () => 'Tải lên ít nhất một ảnh sau chuyển đổi trước khi báo hoàn thành.',
  'item.completed_future': () => 'Ngày hoàn thành không được sau ngày hôm nay.',
  'settings.band_overlap': () => 'Khoảng độ cao này trùng với một khoảng khác của cùng loại cột và khu vực.',
  'station.operator_fixed': () => 'Không thể đổi doanh nghiệp của một trạm.',
  'route.carrier_needed': () => 'Ghi ít nhất một doanh nghiệp trên tuyến.',
  'ducts.underground_only': () => 'Hạ tầng ngầm dùng chung chỉ thuộc tuyến ngầm hóa.',
  'ducts.over_capacity': (p) => `Đã phân bổ ${p.allocated} ống nhưng tuyến chỉ có ${p.capacity} ống.`,
  'ducts.carrier_twice': () => 'Một doanh nghiệp xuất hiện hai lần.',
  // phản ánh của người dân (đường dây 1022)
  'ticket.too_many': (p) => `Quá nhiều yêu cầu từ địa chỉ này (tối đa ${count(p.limit)}); hãy thử lại sau.`,
  'ticket.outside_province': () => 'Vị trí nằm ngoài địa bàn tỉnh: chỉ tiếp nhận phản ánh trong tỉnh.',
  'ticket.no_sla': (p) => `Chưa đặt thời hạn xử lý cho loại phản ánh "${p.category}".`,
  'ticket.not_found': () => 'Không tìm thấy phản ánh (hãy kiểm tra số phản ánh và mã tra cứu).',
  'ticket.role': (p) => `Vai trò của bạn không được ${ticketAction(p.action)} phản ánh.`,
  'ticket.stale': (p) => `Phản ánh đang ở phiên bản ${p.have}, không phải ${p.sent}; hãy tải lại.`,
  'ticket.bad_action': (p) => `Phản ánh ở trạng thái ${ticketState(p.status)} không thể ${ticketAction(p.action)}.`,
  'ticket.no_such_asset': () => 'Không có tài sản này trong tỉnh.',
  'ticket.no_such_carrier': () => 'Không có doanh nghiệp này.',
  'ticket.no_such_inspector': () => 'Không có thanh tra viên này (hoặc tài khoản đã khoá).',
  'ticket.inspect_needs_asset': () => 'Cần gắn phản ánh với một tài sản trước khi giao kiểm tra.',
  'ticket.assign_someone': () => 'Hãy giao cho doanh nghiệp, thanh tra viên hoặc cả hai.',
  'ticket.resolution_photo': () => 'Hãy thêm ảnh hiện trường sau khi xử lý trước khi báo đã xử lý.',
  'ticket.photos_full': (p) => `Mỗi phản ánh có tối đa ${p.n} ảnh loại này.`,
  'ticket.photo_role': () => 'Doanh nghiệp chỉ thêm ảnh kết quả xử lý.',
  'ticket.photo_when': (p) => `Chỉ thêm ảnh khi phản ánh chưa đóng; phản ánh đang ${ticketState(p.status)}.`,
  'ticket.public_photo_closed': () =>
    'Chỉ thêm ảnh trong vòng hai giờ sau khi gửi phản ánh, khi phản ánh còn chờ Sở tiếp nhận.',
  'ticket.phone_format': () => 'Số điện thoại gồm 8 đến 15 chữ số (có thể có dấu cách, dấu chấm, gạch ngang).',
  'ticket.describe': () => 'Hãy mô tả ngắn gọn sự việc.',
  'ticket.number_format': () => 'Số phản ánh có dạng 1022-2026-000123.',
  'ticket.code_format': () => 'Mã tra cứu gồm 6 chữ và số.',
  'ticket.response_needed': () => 'Hãy nhập nội dung trả lời.',
  'ticket.resolution_needed': () => 'Hãy cho biết đã xử lý thế nào (vài từ trở lên).',
  'ticket.reason_needed': () => 'Hãy nêu lý do (vài từ trở lên).',
  'photo.unreadable': () => 'Không đọc được ảnh.',
}
