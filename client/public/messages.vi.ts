/** Vietnamese text of the open-data page. */
export const openDataVi = {
  'pub.nav.openData': 'Dữ liệu mở',
  'open.title': 'Dữ liệu mở: trạm BTS đang hoạt động',
  'open.lead':
    'Danh sách trạm thu phát sóng đang hoạt động trên địa bàn, như trên bản đồ công khai: doanh nghiệp, loại cột, ' +
    'chiều cao, công nghệ, quận/huyện và vị trí.',
  'open.count': 'Số trạm',
  'open.updated': 'Cập nhật lần cuối',
  'open.licence': 'Giấy phép',
  'open.positions': 'Vị trí',
  'open.positionsExact': 'như đã ghi nhận (WGS84)',
  'open.positionsRounded': 'làm tròn đến {decimals} chữ số thập phân của độ (WGS84)',
  'open.downloads': 'Tải về',
  'open.csvHint': 'CSV UTF-8 có BOM, mở được bằng Excel',
  'open.geojsonHint': 'GeoJSON (RFC 7946), mở được bằng QGIS',
  'open.stableUrl': 'Địa chỉ cố định',
  'open.ogcTitle': 'Đọc trực tiếp bằng QGIS hoặc GDAL (OGC API Features)',
  'open.ogcHint': 'QGIS: Lớp → Thêm lớp WFS / OGC API Features, nhập địa chỉ dưới đây.',
  'open.copy': 'Sao chép',
  'open.copied': 'Đã sao chép',
} as const
