-- VN-2000: the provinces' 3° Transverse Mercator zones and PostGIS spatial references that pin the
-- official VN-2000 → WGS84 transformation.
--
-- Why these rows look as they do: when a spatial_ref_sys row has auth_name 'EPSG' (or carries srtext),
-- PostGIS asks PROJ for EPSG:92xx and PROJ picks another transformation, ~0.8 m off. With no srtext and
-- no auth_srid, PostGIS uses proj4text with the pinned +towgs84, which agrees with cs2cs to < 1 mm.
-- auth_srid stays NULL on purpose: with it PostGIS first asks PROJ for "VN2000TM3:979210", and the
-- embedded database's PROJ (9.7, WebAssembly) never answers (measured: no answer in 2 minutes).
-- The SRIDs are 970000 + the EPSG code (979210 ↔ EPSG:9210), in the user range: they never collide with
-- the rows PostGIS ships (5897–5899 and 4756 do; newer EPSG codes may follow), and pg_dump keeps them
-- (it skips shipped rows, so editing those would silently bring the 0.8 m error back after a restore).
-- 974756 is geographic VN-2000 (EPSG:4756) with the same pinned transformation.

CREATE TABLE vn2000_zones (
  province_code     text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
  province_name     text NOT NULL,
  -- decimal degrees: 105°45′ is 105.75
  central_meridian  numeric NOT NULL CHECK (central_meridian BETWEEN 102 AND 118),
  epsg              integer NOT NULL,
  srid              integer NOT NULL CHECK (srid = 970000 + epsg)
);
CREATE INDEX vn2000_zones_srid_idx ON vn2000_zones (srid);

-- All 63 provinces (GSO codes, names from the GSO list, before the 1 July 2025 reform). Meridians from
-- Thông tư 973/2001/TT-TCĐC (annex, kinh tuyến trục by province), cross-checked against the EPSG
-- dataset: the area of use of each VN-2000 / TM-3 CRS names its provinces (PROJ proj.db: 9205–9218,
-- 5897 for 105°00′, 5898 for 108°00′, 5899 for 107°45′), and every province appears there exactly once.
INSERT INTO vn2000_zones (province_code, province_name, central_meridian, epsg, srid) VALUES
  ('01', 'Thành phố Hà Nội', 105.00, 5897, 975897),
  ('02', 'Tỉnh Hà Giang', 105.50, 9209, 979209),
  ('04', 'Tỉnh Cao Bằng', 105.75, 9210, 979210),
  ('06', 'Tỉnh Bắc Kạn', 106.50, 9213, 979213),
  ('08', 'Tỉnh Tuyên Quang', 106.00, 9211, 979211),
  ('10', 'Tỉnh Lào Cai', 104.75, 9208, 979208),
  ('11', 'Tỉnh Điện Biên', 103.00, 9205, 979205),
  ('12', 'Tỉnh Lai Châu', 103.00, 9205, 979205),
  ('14', 'Tỉnh Sơn La', 104.00, 9206, 979206),
  ('15', 'Tỉnh Yên Bái', 104.75, 9208, 979208),
  ('17', 'Tỉnh Hoà Bình', 106.00, 9211, 979211),
  ('19', 'Tỉnh Thái Nguyên', 106.50, 9213, 979213),
  ('20', 'Tỉnh Lạng Sơn', 107.25, 9215, 979215),
  ('22', 'Tỉnh Quảng Ninh', 107.75, 5899, 975899),
  ('24', 'Tỉnh Bắc Giang', 107.00, 9214, 979214),
  ('25', 'Tỉnh Phú Thọ', 104.75, 9208, 979208),
  ('26', 'Tỉnh Vĩnh Phúc', 105.00, 5897, 975897),
  ('27', 'Tỉnh Bắc Ninh', 105.50, 9209, 979209),
  ('30', 'Tỉnh Hải Dương', 105.50, 9209, 979209),
  ('31', 'Thành phố Hải Phòng', 105.75, 9210, 979210),
  ('33', 'Tỉnh Hưng Yên', 105.50, 9209, 979209),
  ('34', 'Tỉnh Thái Bình', 105.50, 9209, 979209),
  ('35', 'Tỉnh Hà Nam', 105.00, 5897, 975897),
  ('36', 'Tỉnh Nam Định', 105.50, 9209, 979209),
  ('37', 'Tỉnh Ninh Bình', 105.00, 5897, 975897),
  ('38', 'Tỉnh Thanh Hóa', 105.00, 5897, 975897),
  ('40', 'Tỉnh Nghệ An', 104.75, 9208, 979208),
  ('42', 'Tỉnh Hà Tĩnh', 105.50, 9209, 979209),
  ('44', 'Tỉnh Quảng Bình', 106.00, 9211, 979211),
  ('45', 'Tỉnh Quảng Trị', 106.25, 9212, 979212),
  ('46', 'Thành phố Huế', 107.00, 9214, 979214),
  ('48', 'Thành phố Đà Nẵng', 107.75, 5899, 975899),
  ('49', 'Tỉnh Quảng Nam', 107.75, 5899, 975899),
  ('51', 'Tỉnh Quảng Ngãi', 108.00, 5898, 975898),
  ('52', 'Tỉnh Bình Định', 108.25, 9217, 979217),
  ('54', 'Tỉnh Phú Yên', 108.50, 9218, 979218),
  ('56', 'Tỉnh Khánh Hòa', 108.25, 9217, 979217),
  ('58', 'Tỉnh Ninh Thuận', 108.25, 9217, 979217),
  ('60', 'Tỉnh Bình Thuận', 108.50, 9218, 979218),
  ('62', 'Tỉnh Kon Tum', 107.50, 9216, 979216),
  ('64', 'Tỉnh Gia Lai', 108.50, 9218, 979218),
  ('66', 'Tỉnh Đắk Lắk', 108.50, 9218, 979218),
  ('67', 'Tỉnh Đắk Nông', 108.50, 9218, 979218),
  ('68', 'Tỉnh Lâm Đồng', 107.75, 5899, 975899),
  ('70', 'Tỉnh Bình Phước', 106.25, 9212, 979212),
  ('72', 'Tỉnh Tây Ninh', 105.50, 9209, 979209),
  ('74', 'Tỉnh Bình Dương', 105.75, 9210, 979210),
  ('75', 'Tỉnh Đồng Nai', 107.75, 5899, 975899),
  ('77', 'Tỉnh Bà Rịa - Vũng Tàu', 107.75, 5899, 975899),
  ('79', 'Thành phố Hồ Chí Minh', 105.75, 9210, 979210),
  ('80', 'Tỉnh Long An', 105.75, 9210, 979210),
  ('82', 'Tỉnh Tiền Giang', 105.75, 9210, 979210),
  ('83', 'Tỉnh Bến Tre', 105.75, 9210, 979210),
  ('84', 'Tỉnh Trà Vinh', 105.50, 9209, 979209),
  ('86', 'Tỉnh Vĩnh Long', 105.50, 9209, 979209),
  ('87', 'Tỉnh Đồng Tháp', 105.00, 5897, 975897),
  ('89', 'Tỉnh An Giang', 104.75, 9208, 979208),
  ('91', 'Tỉnh Kiên Giang', 104.50, 9207, 979207),
  ('92', 'Thành phố Cần Thơ', 105.00, 5897, 975897),
  ('93', 'Tỉnh Hậu Giang', 105.00, 5897, 975897),
  ('94', 'Tỉnh Sóc Trăng', 105.50, 9209, 979209),
  ('95', 'Tỉnh Bạc Liêu', 105.00, 5897, 975897),
  ('96', 'Tỉnh Cà Mau', 104.50, 9207, 979207);

DELETE FROM spatial_ref_sys WHERE srid = 974756 OR srid IN (SELECT srid FROM vn2000_zones);

WITH pinned AS (
  SELECT '+ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278' AS datum
)
INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text)
SELECT DISTINCT z.srid, 'VN2000TM3', NULL::integer, NULL,
       '+proj=tmerc +lat_0=0 +lon_0=' || trim_scale(z.central_meridian) || ' +k=0.9999 +x_0=500000 +y_0=0 ' || p.datum || ' +units=m +no_defs'
FROM vn2000_zones z, pinned p
UNION ALL
SELECT 974756, 'VN2000GEO', NULL, NULL, '+proj=longlat ' || p.datum || ' +no_defs' FROM pinned p;
