<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>pa::gui::AnalysisDock</name>
    <message>
        <source>Export table</source>
        <translation>Xuất bảng</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Kind on the map</source>
        <translation>Loại hiển thị trên bản đồ</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Chạy</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Every unit has some of the kind shown.</source>
        <translation>Đơn vị nào cũng có đối tượng thuộc loại đang hiển thị.</translation>
    </message>
    <message>
        <source>Units with none of the kind shown: %1</source>
        <translation>Các đơn vị không có đối tượng thuộc loại đang hiển thị: %1</translation>
    </message>
    <message>
        <source>%1 overlap(s), %2 ha in all; %3 smaller than the threshold left out.</source>
        <translation>%1 vùng chồng lấn, tổng %2 ha; bỏ qua %3 vùng nhỏ hơn ngưỡng.</translation>
    </message>
    <message>
        <source>%1 of %2 features within %3 km of an expressway; %4 % of the industrial area.</source>
        <translation>%1/%2 đối tượng nằm trong phạm vi %3 km từ đường cao tốc; %4 % diện tích công nghiệp.</translation>
    </message>
    <message>
        <source>%1 target(s): %2 met, %3 not met on the map.</source>
        <translation>%1 chỉ tiêu: %2 đạt, %3 chưa đạt theo bản đồ.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Không ghi được %1</translation>
    </message>
    <message>
        <source>%1 row(s) written to %2</source>
        <translation>Đã ghi %1 dòng vào %2</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Đang chạy…</translation>
    </message>
    <message>
        <source>Cancelled; nothing changed.</source>
        <translation>Đã hủy; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Phân tích</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không chọn)</translation>
    </message>
    <message>
        <source>e.g. 30/6/2026</source>
        <translation>ví dụ 30/6/2026</translation>
    </message>
    <message>
        <source>%1 row(s).</source>
        <translation>%1 dòng.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất bảng…</translation>
    </message>
    <message>
        <source>Computed by the database server.</source>
        <translation>Tính trong máy chủ cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Computed by PlanAtlas.</source>
        <translation>Tính trong PlanAtlas.</translation>
    </message>
</context>
<context>
    <name>pa::gui::AttributeTable</name>
    <message>
        <source>Search the table (without diacritics too)</source>
        <translation>Tìm trong bảng (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>Phóng tới đối tượng đã chọn</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>Xuất các đối tượng đã chọn…</translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation>Xuất các đối tượng đã chọn</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>%1 feature(s) written to %2</source>
        <translation>Đã ghi %1 đối tượng vào %2</translation>
    </message>
    <message>
        <source>Right-click a layer and choose Attribute table.</source>
        <translation>Nhấp chuột phải vào một lớp và chọn Bảng thuộc tính.</translation>
    </message>
    <message>
        <source>%1 of %2 feature(s) shown, %3 selected</source>
        <translation>Hiển thị %1 trên %2 đối tượng, đã chọn %3</translation>
    </message>
    <message>
        <source>the layer holds %1; only the first %2 are listed</source>
        <translation>lớp có %1 đối tượng; chỉ liệt kê %2 đối tượng đầu tiên</translation>
    </message>
</context>
<context>
    <name>pa::gui::DocumentView</name>
    <message>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>agencies separated by ;</source>
        <translation>các cơ quan, cách nhau bằng dấu ;</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Split at the selected words</source>
        <translation>Tách tại chữ đang chọn</translation>
    </message>
    <message>
        <source>Merge with the next task</source>
        <translation>Gộp với nhiệm vụ sau</translation>
    </message>
    <message>
        <source>Not a task</source>
        <translation>Không phải nhiệm vụ</translation>
    </message>
    <message>
        <source>Click a highlighted task in the text to choose it. Changes are kept as corrections of the reader&apos;s output and applied again whenever the document is read again; Edit → Undo takes one back.</source>
        <translation>Nhấp vào một nhiệm vụ được tô màu trong văn bản để chọn. Các thay đổi được lưu thành bản hiệu chỉnh kết quả đọc và được áp dụng lại mỗi khi văn bản được đọc lại; Sửa → Hoàn tác để bỏ một thay đổi.</translation>
    </message>
    <message>
        <source>Choose a task in the plan browser to see its document.</source>
        <translation>Chọn một nhiệm vụ trong bảng kế hoạch để xem văn bản của nó.</translation>
    </message>
    <message>
        <source>%1 of %2 tasks found in the text</source>
        <translation>tìm thấy %1/%2 nhiệm vụ trong văn bản</translation>
    </message>
    <message>
        <source>The workspace keeps no text of this document (it was stored before PlanAtlas kept texts): ingest it again to see it here.</source>
        <translation>Không gian làm việc không lưu nội dung văn bản này (được lưu trước khi PlanAtlas giữ nội dung): hãy nạp lại văn bản để xem tại đây.</translation>
    </message>
    <message>
        <source>Its words are not found in the text (rewritten by a correction?).</source>
        <translation>Không tìm thấy câu chữ của nhiệm vụ trong văn bản (đã được viết lại khi hiệu chỉnh?).</translation>
    </message>
    <message>
        <source>Select in the text the words where the second task begins, then split.</source>
        <translation>Hãy chọn trong văn bản những chữ mở đầu nhiệm vụ thứ hai, rồi bấm tách.</translation>
    </message>
</context>
<context>
    <name>pa::gui::ExportMapDialog</name>
    <message>
        <source>Export map</source>
        <translation>Xuất bản đồ</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PDF (*.pdf);;Ảnh PNG (*.png);;Bản vẽ SVG (*.svg)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Coverage of districts by industrial parks</source>
        <translation>Tỷ lệ diện tích khu công nghiệp theo huyện</translation>
    </message>
    <message>
        <source>Land price</source>
        <translation>Giá đất</translation>
    </message>
    <message>
        <source>What is highlighted now</source>
        <translation>Phần đang được tô sáng</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Ngang</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Hướng giấy</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Độ phân giải</translation>
    </message>
    <message>
        <source>(from the theme and province)</source>
        <translation>(theo chủ đề và tỉnh)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The current view (otherwise the whole province)</source>
        <translation>Vùng đang xem (nếu không: toàn tỉnh)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Expressway corridor (%1 km)</source>
        <translation>Hành lang đường cao tốc (%1 km)</translation>
    </message>
    <message>
        <source> — as on screen</source>
        <translation> — như trên màn hình</translation>
    </message>
    <message>
        <source>The map shows the layers visible on screen, with their opacity.</source>
        <translation>Bản đồ thể hiện các lớp đang hiển thị trên màn hình, với độ trong suốt của chúng.</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 đã có. Thay thế tệp này?</translation>
    </message>
    <message>
        <source>One map</source>
        <translation>Một bản đồ</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Trang in</translation>
    </message>
    <message>
        <source>Preview of the page as it will print</source>
        <translation>Xem trước trang như khi in</translation>
    </message>
    <message>
        <source>Atlas: a page for each %1</source>
        <translation>Tập bản đồ: mỗi %1 một trang</translation>
    </message>
    <message>
        <source>Drawing the preview…</source>
        <translation>Đang vẽ bản xem trước…</translation>
    </message>
    <message>
        <source>Preview of the atlas&apos;s first page as it will print</source>
        <translation>Xem trước trang đầu của tập bản đồ như khi in</translation>
    </message>
    <message>
        <source>The preview cannot be drawn: %1</source>
        <translation>Không vẽ được bản xem trước: %1</translation>
    </message>
</context>
<context>
    <name>pa::gui::GeorefDialog</name>
    <message>
        <source>Place a map sheet</source>
        <translation>Nắn bản đồ quét</translation>
    </message>
    <message>
        <source>Open a sheet…</source>
        <translation>Mở tờ bản đồ…</translation>
    </message>
    <message>
        <source>No sheet</source>
        <translation>Chưa có tờ bản đồ</translation>
    </message>
    <message>
        <source>page </source>
        <translation>trang </translation>
    </message>
    <message>
        <source>Open a map sheet</source>
        <translation>Mở tờ bản đồ</translation>
    </message>
    <message>
        <source>Map sheets (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Tờ bản đồ (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Residual (m)</source>
        <translation>Phần dư (m)</translation>
    </message>
    <message>
        <source>Leave-one-out (m)</source>
        <translation>Kiểm tra chéo (m)</translation>
    </message>
    <message>
        <source>Residual: how far the fitted transformation misses the point. Leave-one-out: how far it misses it when fitted without it — the error to expect between the points.</source>
        <translation>Phần dư: khoảng lệch giữa điểm và phép biến đổi đã khớp. Kiểm tra chéo: khoảng lệch khi khớp phép biến đổi không có điểm này — sai số có thể gặp ở giữa các điểm.</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>Xóa điểm</translation>
    </message>
    <message>
        <source>Load points…</source>
        <translation>Nạp điểm…</translation>
    </message>
    <message>
        <source>Save points…</source>
        <translation>Lưu điểm…</translation>
    </message>
    <message>
        <source>Affine (at least 3 points)</source>
        <translation>Affine (ít nhất 3 điểm)</translation>
    </message>
    <message>
        <source>Second-order polynomial (at least 6)</source>
        <translation>Đa thức bậc hai (ít nhất 6 điểm)</translation>
    </message>
    <message>
        <source>Thin-plate spline (at least 3)</source>
        <translation>Spline tấm mỏng (ít nhất 3 điểm)</translation>
    </message>
    <message>
        <source>Transformation</source>
        <translation>Phép biến đổi</translation>
    </message>
    <message>
        <source>from the file&apos;s name</source>
        <translation>theo tên tệp</translation>
    </message>
    <message>
        <source>Layer name</source>
        <translation>Tên lớp</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>e.g. 30/12/2023</source>
        <translation>ví dụ 30/12/2023</translation>
    </message>
    <message>
        <source>Date on the sheet</source>
        <translation>Ngày ghi trên tờ bản đồ</translation>
    </message>
    <message>
        <source>Licence or terms</source>
        <translation>Giấy phép hoặc điều kiện sử dụng</translation>
    </message>
    <message>
        <source>Place on the map</source>
        <translation>Nắn lên bản đồ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; không phải là số</translation>
    </message>
    <message>
        <source>Load control points</source>
        <translation>Nạp điểm khống chế</translation>
    </message>
    <message>
        <source>Control points (*.csv *.points *.txt);;All files (*)</source>
        <translation>Điểm khống chế (*.csv *.points *.txt);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Save control points</source>
        <translation>Lưu điểm khống chế</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 — %2 × %3 pixels</source>
        <translation>%1 — %2 × %3 điểm ảnh</translation>
    </message>
    <message>
        <source>Open the map sheet first.</source>
        <translation>Hãy mở tờ bản đồ trước.</translation>
    </message>
    <message>
        <source>Now click the same place on the main map, or type its coordinates.</source>
        <translation>Bây giờ bấm vào đúng chỗ đó trên bản đồ chính, hoặc gõ tọa độ của nó.</translation>
    </message>
    <message>
        <source>Click a place you can find on the map (a crossroads, a bridge, a grid intersection): %1 of at least %2 points.</source>
        <translation>Bấm vào một chỗ tìm được trên bản đồ (ngã tư, cây cầu, giao điểm lưới tọa độ): %1 trên tối thiểu %2 điểm.</translation>
    </message>
    <message>
        <source>RMS residual %1 m</source>
        <translation>Sai số trung phương %1 m</translation>
    </message>
    <message>
        <source>leave-one-out %1 m</source>
        <translation>kiểm tra chéo %1 m</translation>
    </message>
    <message>
        <source>This transformation passes through every point: only the leave-one-out errors measure it.</source>
        <translation>Phép biến đổi này đi qua mọi điểm: chỉ sai số kiểm tra chéo đo được độ chính xác.</translation>
    </message>
    <message>
        <source>Sheet position in pixels; map position X, Y in %1</source>
        <translation>Vị trí trên tờ bản đồ tính bằng điểm ảnh; tọa độ X, Y theo %1</translation>
    </message>
    <message>
        <source>The points of %1 cannot be brought into the workspace&apos;s CRS %2 (%3).</source>
        <translation>Không chuyển được các điểm của %1 sang hệ tọa độ %2 của không gian làm việc (%3).</translation>
    </message>
</context>
<context>
    <name>pa::gui::IdentifyPanel</name>
    <message>
        <source>Linked tasks</source>
        <translation>Nhiệm vụ liên quan</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>(none named)</source>
        <translation>(không nêu)</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>Cơ quan phối hợp</translation>
    </message>
    <message>
        <source>Click the map to see what is there: the features, the plan tasks linked to them and who leads each task.</source>
        <translation>Nhấp vào bản đồ để xem tại đó có gì: các đối tượng, nhiệm vụ của kế hoạch gắn với chúng và cơ quan chủ trì từng nhiệm vụ.</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Không có đối tượng nào tại đây.</translation>
    </message>
    <message>
        <source>zoom to</source>
        <translation>phóng tới</translation>
    </message>
    <message>
        <source>Position indicative: drawn from plan descriptions, not surveyed.</source>
        <translation>Vị trí mang tính chỉ dẫn: vẽ theo mô tả trong kế hoạch, không phải đo đạc.</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>unlink</source>
        <translation>bỏ gắn</translation>
    </message>
</context>
<context>
    <name>pa::gui::ImportDialog</name>
    <message>
        <source>Add a layer</source>
        <translation>Thêm lớp dữ liệu</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>GIS files (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz *.csv *.fgb *.gml);;All files (*)</source>
        <translation>Tệp GIS (*.shp *.zip *.gpkg *.geojson *.json *.kml *.kmz *.csv *.fgb *.gml);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Layer of the file</source>
        <translation>Lớp trong tệp</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>(from the file&apos;s name)</source>
        <translation>(theo tên tệp)</translation>
    </message>
    <message>
        <source>Name in the workspace</source>
        <translation>Tên trong không gian làm việc</translation>
    </message>
    <message>
        <source>As the file declares</source>
        <translation>Theo khai báo của tệp</translation>
    </message>
    <message>
        <source>EPSG:9213 — VN-2000 / TM-3 106°30′ (Thái Nguyên)</source>
        <translation>EPSG:9213 — VN-2000 / TM-3 106°30′ (Thái Nguyên)</translation>
    </message>
    <message>
        <source>EPSG:5897 — VN-2000 / TM-3 105° (Thanh Hóa)</source>
        <translation>EPSG:5897 — VN-2000 / TM-3 105° (Thanh Hóa)</translation>
    </message>
    <message>
        <source>EPSG:3405 — VN-2000 / UTM zone 48N</source>
        <translation>EPSG:3405 — VN-2000 / UTM múi 48N</translation>
    </message>
    <message>
        <source>EPSG:4326 — WGS 84 longitude/latitude</source>
        <translation>EPSG:4326 — WGS 84 kinh độ/vĩ độ</translation>
    </message>
    <message>
        <source>EPSG:32648 — WGS 84 / UTM zone 48N</source>
        <translation>EPSG:32648 — WGS 84 / UTM múi 48N</translation>
    </message>
    <message>
        <source>Only for a file without a CRS, or one whose CRS is wrong; never guessed</source>
        <translation>Chỉ dùng cho tệp không có hệ tọa độ hoặc khai báo sai; không bao giờ đoán</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>Hệ tọa độ</translation>
    </message>
    <message>
        <source>Unicode, or as the file declares</source>
        <translation>Unicode, hoặc theo khai báo của tệp</translation>
    </message>
    <message>
        <source>TCVN3 (ABC, .Vn fonts)</source>
        <translation>TCVN3 (ABC, phông .Vn)</translation>
    </message>
    <message>
        <source>VNI-Windows</source>
        <translation>VNI-Windows</translation>
    </message>
    <message>
        <source>Windows-1258</source>
        <translation>Windows-1258</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>Bảng mã chữ</translation>
    </message>
    <message>
        <source>Column with codes</source>
        <translation>Cột chứa mã</translation>
    </message>
    <message>
        <source>digitized</source>
        <translation>số hóa</translation>
    </message>
    <message>
        <source>surveyed</source>
        <translation>đo đạc</translation>
    </message>
    <message>
        <source>indicative (positions from descriptions)</source>
        <translation>chỉ dẫn (vị trí theo mô tả)</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>Hình học</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>e.g. CC BY 4.0; every layer keeps its licence</source>
        <translation>ví dụ CC BY 4.0; mỗi lớp giữ giấy phép của nó</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Thuộc tính</translation>
    </message>
    <message>
        <source>Column of the file</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <source>Attributes of the kind and the columns that fill them</source>
        <translation>Thuộc tính của loại và các cột cung cấp giá trị</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>%1: %2 feature(s), %3</source>
        <translation>%1: %2 đối tượng, %3</translation>
    </message>
    <message>
        <source>no coordinate system declared</source>
        <translation>không khai báo hệ tọa độ</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>(generate codes)</source>
        <translation>(tự sinh mã)</translation>
    </message>
    <message>
        <source>(recognised by name)</source>
        <translation>(nhận theo tên cột)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Cancelled: the workspace is as it was.</source>
        <translation>Đã hủy: không gian làm việc giữ nguyên như trước.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>digitized, traced over the map sheet %1</source>
        <translation>số hóa, vẽ theo tờ bản đồ %1</translation>
    </message>
    <message>
        <source>Layer %1: %2 feature(s) imported.</source>
        <translation>Lớp %1: đã nhập %2 đối tượng.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Choose the text encoding above.</source>
        <translation>Hãy chọn bảng mã chữ ở trên.</translation>
    </message>
    <message>
        <source>Choose a column for it in the table of attributes.</source>
        <translation>Hãy chọn một cột cho thuộc tính này trong bảng thuộc tính.</translation>
    </message>
    <message>
        <source>Choose the file&apos;s coordinate system above.</source>
        <translation>Hãy chọn hệ tọa độ của tệp ở trên.</translation>
    </message>
    <message>
        <source>%1 holds no layer to import.</source>
        <translation>%1 không có lớp nào để nhập.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a GIS file (%2).</source>
        <translation>Không đọc được %1 như một tệp dữ liệu GIS (%2).</translation>
    </message>
</context>
<context>
    <name>pa::gui::LayerPanel</name>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Độ đục</translation>
    </message>
    <message>
        <source>Zoom to layer</source>
        <translation>Phóng tới lớp</translation>
    </message>
    <message>
        <source>Opacity…</source>
        <translation>Độ đục…</translation>
    </message>
    <message>
        <source>Opacity of %1 (%):</source>
        <translation>Độ đục của %1 (%):</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>Thuộc tính lớp…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <source>Rename layer</source>
        <translation>Đổi tên lớp</translation>
    </message>
    <message>
        <source>Title of the layer:</source>
        <translation>Tên hiển thị của lớp:</translation>
    </message>
    <message>
        <source>%1: map sheet placed on the map</source>
        <translation>%1: bản đồ quét đã nắn lên bản đồ</translation>
    </message>
    <message>
        <source>Remove the map sheet…</source>
        <translation>Xóa bản đồ quét…</translation>
    </message>
    <message>
        <source>Remove the layer…</source>
        <translation>Gỡ lớp…</translation>
    </message>
</context>
<context>
    <name>pa::gui::MainWindow</name>
    <message>
        <source>linked</source>
        <translation>đã liên kết</translation>
    </message>
    <message>
        <source>unlinked</source>
        <translation>đã bỏ liên kết</translation>
    </message>
    <message>
        <source>accepted the suggestion of</source>
        <translation>đã chấp nhận gợi ý liên kết với</translation>
    </message>
    <message>
        <source>rejected the suggestion of</source>
        <translation>đã bác gợi ý liên kết với</translation>
    </message>
    <message>
        <source>reopened the suggestion of</source>
        <translation>đã mở lại gợi ý liên kết với</translation>
    </message>
    <message>
        <source>recorded as without a place</source>
        <translation>đã ghi là không có địa điểm:</translation>
    </message>
    <message>
        <source>took back &apos;without a place&apos; for</source>
        <translation>đã bỏ ghi &apos;không có địa điểm&apos; cho</translation>
    </message>
    <message>
        <source>drew</source>
        <translation>đã vẽ</translation>
    </message>
    <message>
        <source>gave a new shape to</source>
        <translation>đã sửa hình dạng của</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>đã xóa</translation>
    </message>
    <message>
        <source>brought back</source>
        <translation>đã khôi phục</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>đã chia tách</translation>
    </message>
    <message>
        <source>made whole again</source>
        <translation>đã nối lại</translation>
    </message>
    <message>
        <source>merged others into</source>
        <translation>đã gộp các đối tượng khác vào</translation>
    </message>
    <message>
        <source>took apart</source>
        <translation>đã tách ra</translation>
    </message>
    <message>
        <source>made the suggestions again</source>
        <translation>đã tạo lại các gợi ý</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 lúc %3</translation>
    </message>
    <message>
        <source>%1 %2 %3 at %4</source>
        <translation>%1 %2 %3 lúc %4</translation>
    </message>
    <message>
        <source>A feature of layer %1 is no longer there: it was deleted or merged into another meanwhile.</source>
        <translation>Một đối tượng của lớp %1 không còn nữa: đã bị xóa hoặc gộp vào đối tượng khác trong lúc đó.</translation>
    </message>
    <message>
        <source>Someone else changed it meanwhile.</source>
        <translation>Người khác đã thay đổi nó trong lúc đó.</translation>
    </message>
    <message>
        <source>%1 cannot come back: another feature was given its code meanwhile. Give one of them another code first.</source>
        <translation>%1 không thể khôi phục: mã của nó đã được đặt cho một đối tượng khác trong lúc đó. Hãy đổi mã của một trong hai trước.</translation>
    </message>
    <message>
        <source>; and %1 more change(s)</source>
        <translation>; và %1 thay đổi khác</translation>
    </message>
    <message>
        <source>Changed meanwhile: %1.</source>
        <translation>Đã thay đổi trong lúc đó: %1.</translation>
    </message>
    <message>
        <source>Role %1 may not read the workspace in schema %2; the schema&apos;s owner can give it the right to read.</source>
        <translation>Vai trò %1 không được đọc không gian làm việc trong lược đồ %2; chủ sở hữu lược đồ có thể cấp quyền đọc cho vai trò này.</translation>
    </message>
    <message>
        <source>Role %1 may read the workspace in schema %2 but not change it; nothing was changed. The schema&apos;s owner can make it an editor.</source>
        <translation>Vai trò %1 được đọc nhưng không được thay đổi không gian làm việc trong lược đồ %2; không có gì bị thay đổi. Chủ sở hữu lược đồ có thể cấp quyền biên tập cho vai trò này.</translation>
    </message>
    <message>
        <source>The workspace in schema %1 was made by an older PlanAtlas; its owner opens it for writing once to bring it up to date (role %2 may not add tables to it).</source>
        <translation>Không gian làm việc trong lược đồ %1 được tạo bởi một phiên bản PlanAtlas cũ hơn; chủ sở hữu lược đồ cần mở nó ở chế độ ghi một lần để nâng cấp (vai trò %2 không được thêm bảng vào lược đồ).</translation>
    </message>
    <message>
        <source>The file %1 is read-only; nothing was changed. Make it writable, or work on a copy.</source>
        <translation>Tệp %1 chỉ cho phép đọc; không có gì bị thay đổi. Hãy cho phép ghi tệp, hoặc làm việc trên một bản sao.</translation>
    </message>
    <message>
        <source>The QGIS project kept in the schema was not written anew: the schema has no table for it and your role may not make one; its owner writes the QGIS project once.</source>
        <translation>Dự án QGIS lưu trong lược đồ chưa được ghi mới: lược đồ chưa có bảng chứa dự án và vai trò của bạn không được tạo bảng đó; chủ sở hữu lược đồ cần ghi dự án QGIS một lần.</translation>
    </message>
    <message>
        <source>The QGIS project kept in the schema was not written anew: %1</source>
        <translation>Dự án QGIS lưu trong lược đồ chưa được ghi mới: %1</translation>
    </message>
    <message>
        <source>The layers&apos; default styles for QGIS were not written into the database&apos;s shared table of styles: your role may not write it; the database&apos;s owner grants it once.</source>
        <translation>Kiểu hiển thị mặc định của các lớp cho QGIS chưa được ghi vào bảng kiểu hiển thị dùng chung của cơ sở dữ liệu: vai trò của bạn không được ghi vào bảng đó; chủ sở hữu cơ sở dữ liệu cấp quyền này một lần.</translation>
    </message>
    <message>
        <source>The layers&apos; default styles for QGIS were not written into the database&apos;s shared table of styles: %1</source>
        <translation>Kiểu hiển thị mặc định của các lớp cho QGIS chưa được ghi vào bảng kiểu hiển thị dùng chung của cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>Drawing…</source>
        <translation>Đang vẽ…</translation>
    </message>
    <message>
        <source>Drawn in %1 s</source>
        <translation>Đã vẽ trong %1 giây</translation>
    </message>
    <message>
        <source>Not drawn</source>
        <translation>Chưa vẽ được</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Mở không gian làm việc</translation>
    </message>
    <message>
        <source>PlanAtlas workspaces (*.gpkg)</source>
        <translation>Không gian làm việc PlanAtlas (*.gpkg)</translation>
    </message>
    <message>
        <source>About PlanAtlas</source>
        <translation>Giới thiệu PlanAtlas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Mở không gian làm việc…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>&amp;Close workspace</source>
        <translation>Đó&amp;ng không gian làm việc</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Zoom to the &amp;province</source>
        <translation>Phóng tới toàn &amp;tỉnh</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Phóng t&amp;o</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Thu &amp;nhỏ</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About PlanAtlas</source>
        <translation>&amp;Giới thiệu PlanAtlas</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Thông tin đối tượng</translation>
    </message>
    <message>
        <source>PlanAtlas</source>
        <translation>PlanAtlas</translation>
    </message>
    <message>
        <source>%1 — PlanAtlas</source>
        <translation>%1 — PlanAtlas</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>tệp không tồn tại</translation>
    </message>
    <message>
        <source>The workspace has no layers to draw yet: add one with File → Add a layer…</source>
        <translation>Không gian làm việc chưa có lớp nào để vẽ: hãy thêm một lớp bằng Tệp → Thêm lớp dữ liệu…</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Không mở được %1</translation>
    </message>
    <message>
        <source>it has nothing to draw</source>
        <translation>không có gì để vẽ</translation>
    </message>
    <message>
        <source>Cannot identify</source>
        <translation>Không tra cứu được</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Tỷ lệ 1:%1</translation>
    </message>
    <message>
        <source>&amp;Clear the highlight</source>
        <translation>&amp;Bỏ tô sáng</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Cannot read the plan of %1</source>
        <translation>Không đọc được kế hoạch của %1</translation>
    </message>
    <message>
        <source>Task %1 has no place on the map</source>
        <translation>Nhiệm vụ %1 chưa có vị trí trên bản đồ</translation>
    </message>
    <message>
        <source>Task %1: its features are drawn in colour</source>
        <translation>Nhiệm vụ %1: các đối tượng của nhiệm vụ được tô màu</translation>
    </message>
    <message>
        <source>No task of %1 has a place on the map</source>
        <translation>Không nhiệm vụ nào do %1 chủ trì có vị trí trên bản đồ</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Link features to the chosen task</source>
        <translation>&amp;Gắn đối tượng vào nhiệm vụ đang chọn</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Hoàn tác: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo: %1</source>
        <translation>&amp;Làm lại: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>No programme feature here to link</source>
        <translation>Không có đối tượng của chương trình tại đây để gắn</translation>
    </message>
    <message>
        <source>Choose a task in the plan browser, then click the features to link to it</source>
        <translation>Chọn một nhiệm vụ trong khung Kế hoạch, rồi nhấp vào các đối tượng cần gắn với nhiệm vụ đó</translation>
    </message>
    <message>
        <source>Click a feature to link it to %1, or click a linked one to unlink it</source>
        <translation>Nhấp vào một đối tượng để gắn với %1, hoặc nhấp vào đối tượng đã gắn để bỏ gắn</translation>
    </message>
    <message>
        <source>Cannot write to %1</source>
        <translation>Không ghi được vào %1</translation>
    </message>
    <message>
        <source>Cannot link %1</source>
        <translation>Không gắn được %1</translation>
    </message>
    <message>
        <source>Cannot unlink %1</source>
        <translation>Không bỏ gắn được %1</translation>
    </message>
    <message>
        <source>Cannot read the links of %1</source>
        <translation>Không đọc được các liên kết của %1</translation>
    </message>
    <message>
        <source>link %1 to %2</source>
        <translation>gắn %1 với %2</translation>
    </message>
    <message>
        <source>unlink %1 from %2</source>
        <translation>bỏ gắn %1 khỏi %2</translation>
    </message>
    <message>
        <source>%1 linked to %2</source>
        <translation>Đã gắn %1 với %2</translation>
    </message>
    <message>
        <source>%1 unlinked from %2</source>
        <translation>Đã bỏ gắn %1 khỏi %2</translation>
    </message>
    <message>
        <source>Analyses</source>
        <translation>Phân tích</translation>
    </message>
    <message>
        <source>&amp;Export map…</source>
        <translation>&amp;Xuất bản đồ…</translation>
    </message>
    <message>
        <source>Drawing the map…</source>
        <translation>Đang vẽ bản đồ…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cannot export the map</source>
        <translation>Không xuất được bản đồ</translation>
    </message>
    <message>
        <source>Map written to %1</source>
        <translation>Đã ghi bản đồ vào %1</translation>
    </message>
    <message>
        <source>&amp;Add a layer…</source>
        <translation>&amp;Thêm lớp dữ liệu…</translation>
    </message>
    <message>
        <source>Layer %1 added</source>
        <translation>Đã thêm lớp %1</translation>
    </message>
    <message>
        <source>Suggesting links…</source>
        <translation>Đang gợi ý liên kết…</translation>
    </message>
    <message>
        <source>Cannot suggest links</source>
        <translation>Không gợi ý được liên kết</translation>
    </message>
    <message>
        <source>Ingest a plan document</source>
        <translation>Đọc văn bản kế hoạch</translation>
    </message>
    <message>
        <source>Plan documents (*.txt *.docx);;All files (*)</source>
        <translation>Văn bản kế hoạch (*.txt *.docx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>&amp;Ingest a plan document…</source>
        <translation>Đọc &amp;văn bản kế hoạch…</translation>
    </message>
    <message>
        <source>Suggested links</source>
        <translation>Gợi ý liên kết</translation>
    </message>
    <message>
        <source>Cannot read the suggested links</source>
        <translation>Không đọc được các gợi ý liên kết</translation>
    </message>
    <message>
        <source>Cannot accept the suggestion</source>
        <translation>Không chấp nhận được gợi ý</translation>
    </message>
    <message>
        <source>Cannot reject the suggestion</source>
        <translation>Không bác được gợi ý</translation>
    </message>
    <message numerus="yes">
        <source>accept %n suggestion(s)</source>
        <translation>
            <numerusform>chấp nhận %n gợi ý</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reject %n suggestion(s)</source>
        <translation>
            <numerusform>bác %n gợi ý</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled; nothing was written</source>
        <translation>đã hủy; không ghi gì</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Đang đọc %1…</translation>
    </message>
    <message>
        <source>Cannot ingest %1</source>
        <translation>Không đọc được %1 vào không gian làm việc</translation>
    </message>
    <message>
        <source>%1: %2 task(s) added, %3 updated; %4 agencies, %5 targets; %6 link(s) suggested for review</source>
        <translation>%1: thêm %2 nhiệm vụ, cập nhật %3; %4 cơ quan, %5 chỉ tiêu; %6 gợi ý liên kết cần xem xét</translation>
    </message>
    <message>
        <source>Another program is writing to this workspace (QGIS, a script?). Close it or wait, then try again; nothing was changed.</source>
        <translation>Một chương trình khác đang ghi vào không gian làm việc này (QGIS, một script?). Hãy đóng chương trình đó hoặc chờ, rồi thử lại; chưa có gì thay đổi.</translation>
    </message>
    <message>
        <source>PlanAtlas %1 — spatial analysis of provincial development programmes.

Positions drawn from plan descriptions are indicative; land prices in the sample are illustrative.

Runs on %2, Qt %3.</source>
        <translation>PlanAtlas %1 — phân tích không gian các chương trình phát triển cấp tỉnh.

Vị trí vẽ theo mô tả trong kế hoạch chỉ mang tính chỉ dẫn; giá đất trong dữ liệu mẫu chỉ mang tính minh họa.

Chạy trên %2, Qt %3.</translation>
    </message>
    <message>
        <source>What is here?</source>
        <translation>Ở đây có gì?</translation>
    </message>
    <message>
        <source>Zoom in here</source>
        <translation>Phóng to tại đây</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Whole province</source>
        <translation>Toàn tỉnh</translation>
    </message>
    <message>
        <source>Copy the coordinates</source>
        <translation>Chép tọa độ</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Đã chép: %1</translation>
    </message>
    <message>
        <source>Cannot record the tasks as without a place</source>
        <translation>Không ghi được các nhiệm vụ là không gắn địa điểm</translation>
    </message>
    <message numerus="yes">
        <source>leave %n task(s) without a place</source>
        <translation>
            <numerusform>ghi %n nhiệm vụ không gắn địa điểm</numerusform>
        </translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Bảng thuộc tính</translation>
    </message>
    <message>
        <source>Attribute table — %1</source>
        <translation>Bảng thuộc tính — %1</translation>
    </message>
    <message>
        <source>Cannot read the layer %1</source>
        <translation>Không đọc được lớp %1</translation>
    </message>
    <message>
        <source>Find a place, feature, task or agency (Ctrl+F)</source>
        <translation>Tìm địa danh, đối tượng, nhiệm vụ hoặc cơ quan (Ctrl+F)</translation>
    </message>
    <message>
        <source>Click the points to measure; double-click to end. The next click starts again.</source>
        <translation>Nhấp các điểm cần đo; nhấp đúp để kết thúc. Lần nhấp tiếp theo bắt đầu phép đo mới.</translation>
    </message>
    <message>
        <source>Measured: %1</source>
        <translation>Kết quả đo: %1</translation>
    </message>
    <message>
        <source>&amp;Measure a distance</source>
        <translation>Đo &amp;khoảng cách</translation>
    </message>
    <message>
        <source>Measure an &amp;area</source>
        <translation>Đo &amp;diện tích</translation>
    </message>
    <message>
        <source>Name in the workspace</source>
        <translation>Tên trong không gian làm việc</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>Hình học</translation>
    </message>
    <message>
        <source>%1 without geometry</source>
        <translation>%1 không có hình học</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Số đối tượng</translation>
    </message>
    <message>
        <source>Geometry quality</source>
        <translation>Chất lượng hình học</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>chưa ghi</translation>
    </message>
    <message>
        <source>Attribution</source>
        <translation>Ghi công</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>Nhập từ tệp</translation>
    </message>
    <message>
        <source>Coordinate system of the source</source>
        <translation>Hệ tọa độ của nguồn</translation>
    </message>
    <message>
        <source>Transformation</source>
        <translation>Phép chuyển đổi tọa độ</translation>
    </message>
    <message>
        <source>Text encoding of the source</source>
        <translation>Bảng mã của nguồn</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>Thời điểm nhập</translation>
    </message>
    <message>
        <source>Links to plan tasks</source>
        <translation>Liên kết với nhiệm vụ</translation>
    </message>
    <message>
        <source>%1 link(s): %2 feature(s), %3 task(s)</source>
        <translation>%1 liên kết: %2 đối tượng, %3 nhiệm vụ</translation>
    </message>
    <message>
        <source>Extent (%1)</source>
        <translation>Phạm vi (%1)</translation>
    </message>
    <message>
        <source>Properties of %1</source>
        <translation>Thuộc tính của %1</translation>
    </message>
    <message>
        <source>Cannot rename %1</source>
        <translation>Không đổi tên được %1</translation>
    </message>
    <message>
        <source>rename %1 to %2</source>
        <translation>đổi tên %1 thành %2</translation>
    </message>
    <message>
        <source>%1 renamed to %2</source>
        <translation>Đã đổi tên %1 thành %2</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Map sheet (georeferenced raster)</source>
        <translation>Bản đồ nền quét (ảnh đã nắn tọa độ)</translation>
    </message>
    <message>
        <source>page %1 at %2 dpi</source>
        <translation>trang %1, độ phân giải %2 dpi</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tờ bản đồ</translation>
    </message>
    <message>
        <source>Date on the sheet</source>
        <translation>Ngày ghi trên tờ bản đồ</translation>
    </message>
    <message>
        <source>Placed by</source>
        <translation>Phương pháp nắn</translation>
    </message>
    <message>
        <source>Control points</source>
        <translation>Điểm khống chế</translation>
    </message>
    <message>
        <source>RMS residual</source>
        <translation>Sai số trung phương (phần dư)</translation>
    </message>
    <message>
        <source>RMS leave-one-out error</source>
        <translation>Sai số trung phương kiểm tra chéo (bỏ từng điểm)</translation>
    </message>
    <message>
        <source>Pixel size</source>
        <translation>Kích thước điểm ảnh</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 điểm ảnh</translation>
    </message>
    <message>
        <source>Placed at</source>
        <translation>Thời điểm nắn</translation>
    </message>
    <message>
        <source>&amp;Place a map sheet…</source>
        <translation>&amp;Nắn bản đồ quét…</translation>
    </message>
    <message>
        <source>Click on the map where the point on the sheet is.</source>
        <translation>Bấm lên bản đồ tại vị trí của điểm đã chọn trên tờ bản đồ.</translation>
    </message>
    <message>
        <source>Placing %1…</source>
        <translation>Đang nắn %1…</translation>
    </message>
    <message>
        <source>Cannot place %1</source>
        <translation>Không nắn được %1</translation>
    </message>
    <message>
        <source>%1 placed on the map</source>
        <translation>Đã nắn %1 lên bản đồ</translation>
    </message>
    <message>
        <source>RMS residual %1 m</source>
        <translation>Sai số trung phương %1 m</translation>
    </message>
    <message>
        <source>New feature of %1</source>
        <translation>Đối tượng mới của lớp %1</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>quy hoạch, dự kiến</translation>
    </message>
    <message>
        <source>existing</source>
        <translation>hiện có</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Draw a new feature</source>
        <translation>Vẽ đối tượng mới</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Lớp:</translation>
    </message>
    <message>
        <source>&amp;Draw a new feature…</source>
        <translation>&amp;Vẽ đối tượng mới…</translation>
    </message>
    <message>
        <source>Draw the shape of %1 anew</source>
        <translation>Vẽ lại hình của %1</translation>
    </message>
    <message>
        <source>Cannot draw in %1</source>
        <translation>Không vẽ được vào %1</translation>
    </message>
    <message>
        <source>only areas and lines of the programme&apos;s layers are drawn</source>
        <translation>chỉ vẽ được vùng và tuyến của các lớp thuộc chương trình</translation>
    </message>
    <message>
        <source>Drawing without a map sheet: the shape stays indicative.</source>
        <translation>Đang vẽ không có bản đồ nền quét: hình vẽ vẫn là vị trí chỉ dẫn.</translation>
    </message>
    <message>
        <source>Tracing over %1.</source>
        <translation>Đang số hóa trên %1.</translation>
    </message>
    <message>
        <source>Click the corners, double-click to end; Esc stops.</source>
        <translation>Bấm vào các đỉnh, bấm đúp để kết thúc; Esc để dừng.</translation>
    </message>
    <message>
        <source>too few corners</source>
        <translation>quá ít đỉnh</translation>
    </message>
    <message>
        <source>draw %1</source>
        <translation>vẽ %1</translation>
    </message>
    <message>
        <source>%1 drawn</source>
        <translation>Đã vẽ %1</translation>
    </message>
    <message>
        <source>new shape in %1</source>
        <translation>hình mới trong %1</translation>
    </message>
    <message>
        <source>New shape saved</source>
        <translation>Đã lưu hình mới</translation>
    </message>
    <message>
        <source>Drawing stopped; nothing was written.</source>
        <translation>Đã dừng vẽ; không có gì được ghi.</translation>
    </message>
    <message>
        <source>Remove the map sheet</source>
        <translation>Xóa bản đồ quét</translation>
    </message>
    <message>
        <source>Remove the map sheet %1 from the workspace? The shapes traced over it stay. This cannot be undone; the sheet can be placed again from its file.</source>
        <translation>Xóa bản đồ quét %1 khỏi không gian làm việc? Các hình đã số hóa từ bản đồ này vẫn được giữ. Không hoàn tác được; có thể nắn lại tờ bản đồ từ tệp gốc.</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>Không xóa được %1</translation>
    </message>
    <message>
        <source>Map sheet %1 removed</source>
        <translation>Đã xóa bản đồ quét %1</translation>
    </message>
    <message>
        <source>Drawing the atlas…</source>
        <translation>Đang vẽ tập bản đồ…</translation>
    </message>
    <message>
        <source>Cannot export the atlas</source>
        <translation>Không xuất được tập bản đồ</translation>
    </message>
    <message>
        <source>Atlas written to %1</source>
        <translation>Đã ghi tập bản đồ vào %1</translation>
    </message>
    <message>
        <source>Cut %1 along a line</source>
        <translation>Cắt %1 theo một đường</translation>
    </message>
    <message>
        <source>Merge the %1 selected feature(s) into %2</source>
        <translation>Gộp %1 đối tượng đang chọn vào %2</translation>
    </message>
    <message>
        <source>Delete %1…</source>
        <translation>Xóa %1…</translation>
    </message>
    <message>
        <source>Cannot cut in %1</source>
        <translation>Không cắt được trong %1</translation>
    </message>
    <message>
        <source>only areas and lines can be cut</source>
        <translation>chỉ cắt được vùng và đường</translation>
    </message>
    <message>
        <source>Draw the line of the cut across the shape, from outside it to outside it; double-click to end; Esc stops.</source>
        <translation>Vẽ đường cắt ngang qua hình, từ ngoài vào rồi ra ngoài; nhấp đúp để kết thúc; Esc để dừng.</translation>
    </message>
    <message>
        <source>cut a feature of %1</source>
        <translation>cắt một đối tượng của %1</translation>
    </message>
    <message>
        <source>Cut into %1 pieces; the new ones are %2</source>
        <translation>Đã cắt thành %1 phần; các phần mới là %2</translation>
    </message>
    <message>
        <source>Delete a feature</source>
        <translation>Xóa đối tượng</translation>
    </message>
    <message>
        <source>Delete %1 and its %2 link(s) to plan tasks? Edit → Undo brings it back.</source>
        <translation>Xóa %1 cùng %2 liên kết với nhiệm vụ của kế hoạch? Sửa → Hoàn tác sẽ khôi phục lại.</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>xóa %1</translation>
    </message>
    <message>
        <source>Cannot delete %1</source>
        <translation>Không xóa được %1</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>Đã xóa %1</translation>
    </message>
    <message>
        <source>merge %1 features of %2</source>
        <translation>gộp %1 đối tượng của %2</translation>
    </message>
    <message>
        <source>Cannot merge in %1</source>
        <translation>Không gộp được trong %1</translation>
    </message>
    <message>
        <source>%1 features merged into one</source>
        <translation>Đã gộp %1 đối tượng làm một</translation>
    </message>
    <message>
        <source>No programme feature in the box</source>
        <translation>Không có đối tượng nào của chương trình trong khung</translation>
    </message>
    <message>
        <source>%1 feature(s) of %2 selected</source>
        <translation>Đã chọn %1 đối tượng của %2</translation>
    </message>
    <message>
        <source>%1 feature(s) of %2 selected; %3 more in the box are hidden by the table&apos;s filter</source>
        <translation>Đã chọn %1 đối tượng của %2; còn %3 đối tượng khác trong khung bị bộ lọc của bảng ẩn đi</translation>
    </message>
    <message>
        <source>Cannot select</source>
        <translation>Không chọn được</translation>
    </message>
    <message>
        <source>Remove the layer</source>
        <translation>Gỡ lớp</translation>
    </message>
    <message>
        <source>Remove the layer %1 with its %2 feature(s) and %3 link(s) to plan tasks? Edit → Undo puts it back until the workspace is closed.</source>
        <translation>Gỡ lớp %1 cùng %2 đối tượng và %3 liên kết với nhiệm vụ của kế hoạch? Sửa → Hoàn tác sẽ đưa lớp trở lại, cho đến khi đóng không gian làm việc.</translation>
    </message>
    <message>
        <source>remove the layer %1</source>
        <translation>gỡ lớp %1</translation>
    </message>
    <message>
        <source>Layer %1 removed</source>
        <translation>Đã gỡ lớp %1</translation>
    </message>
    <message>
        <source>Plan document</source>
        <translation>Văn bản kế hoạch</translation>
    </message>
    <message>
        <source>Cannot show the document %1</source>
        <translation>Không hiển thị được văn bản %1</translation>
    </message>
    <message>
        <source>Not a task</source>
        <translation>Không phải nhiệm vụ</translation>
    </message>
    <message>
        <source>correct %1</source>
        <translation>hiệu chỉnh %1</translation>
    </message>
    <message>
        <source>Cannot correct %1</source>
        <translation>Không hiệu chỉnh được %1</translation>
    </message>
    <message>
        <source>Correction of %1 recorded; it is applied again whenever the document is read again</source>
        <translation>Đã ghi nhận hiệu chỉnh %1; hiệu chỉnh được áp dụng lại mỗi khi văn bản được đọc lại</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Record that %1 is not a task? Its links to features go with it; Edit → Undo brings the task back with them.</source>
        <translation>Ghi nhận %1 không phải là nhiệm vụ? Các liên kết với đối tượng sẽ bị bỏ theo; Sửa → Hoàn tác đưa nhiệm vụ trở lại cùng các liên kết đó.</translation>
    </message>
    <message>
        <source>Move the corners of %1</source>
        <translation>Di chuyển các đỉnh của %1</translation>
    </message>
    <message>
        <source>Cannot edit %1</source>
        <translation>Không sửa được %1</translation>
    </message>
    <message>
        <source>the shape has several parts or holes; draw it anew or cut it instead</source>
        <translation>hình có nhiều phần hoặc có lỗ; hãy vẽ lại hoặc cắt hình</translation>
    </message>
    <message>
        <source>Editing without a map sheet: the shape stays indicative.</source>
        <translation>Sửa không có tờ bản đồ nền: hình vẫn là vị trí chỉ dẫn.</translation>
    </message>
    <message>
        <source>Drag a corner, click the middle of a side to add one, Delete removes the corner last touched; Enter or a double click ends, Esc stops.</source>
        <translation>Kéo một đỉnh, nhấp vào giữa một cạnh để thêm đỉnh, phím Delete xóa đỉnh vừa chạm; Enter hoặc nhấp đúp để kết thúc, Esc để dừng.</translation>
    </message>
    <message>
        <source>Open a &amp;shared workspace (PostGIS)…</source>
        <translation>Mở không gian làm việc &amp;dùng chung (PostGIS)…</translation>
    </message>
    <message>
        <source>&amp;Refresh from the workspace</source>
        <translation>Đọc &amp;lại từ không gian làm việc</translation>
    </message>
    <message>
        <source>%1 (shared)</source>
        <translation>%1 (dùng chung)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cannot change %1</source>
        <translation>Không thể thay đổi %1</translation>
    </message>
    <message>
        <source>in a shared workspace planners change links, suggestions, reasons, plans and the programme&apos;s shapes, and its owner adds layers and map sheets; layers are renamed or removed in a GeoPackage and copied in</source>
        <translation>trong không gian làm việc dùng chung, cán bộ thay đổi liên kết, gợi ý, lý do, kế hoạch và hình dạng các đối tượng của chương trình, còn chủ sở hữu thêm lớp dữ liệu và tờ bản đồ; lớp dữ liệu được đổi tên hay gỡ bỏ trong một tệp GeoPackage rồi sao chép vào</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Người khác đã thay đổi</translation>
    </message>
    <message>
        <source>%1 changed task %2 after this window last read it. Nothing of yours was written. The map now shows the workspace as it is: look again, and repeat your change if it still holds.</source>
        <translation>%1 đã thay đổi nhiệm vụ %2 sau lần cuối cửa sổ này đọc nó. Không có gì của bạn được ghi. Bản đồ giờ hiển thị không gian làm việc như hiện tại: hãy xem lại và thực hiện lại thay đổi nếu vẫn cần.</translation>
    </message>
    <message>
        <source>Nothing of yours was written. The map now shows the workspace as it is: look again, and repeat your change if it still holds.</source>
        <translation>Không có gì của bạn được ghi. Bản đồ giờ hiển thị không gian làm việc như hiện tại: hãy xem lại và thực hiện lại thay đổi nếu vẫn cần.</translation>
    </message>
    <message>
        <source>Another planner</source>
        <translation>Một cán bộ khác</translation>
    </message>
    <message>
        <source>Read again from %1</source>
        <translation>Đã đọc lại từ %1</translation>
    </message>
    <message>
        <source>someone else changed it after this window last read the workspace; nothing of yours was written. The window now shows the workspace as it is.</source>
        <translation>người khác đã thay đổi việc này sau lần cuối cửa sổ này đọc không gian làm việc; không có gì của bạn được ghi. Cửa sổ giờ hiển thị không gian làm việc như hiện tại.</translation>
    </message>
    <message>
        <source>%1 was read</source>
        <translation>Đã đọc %1</translation>
    </message>
    <message>
        <source>Check these before reviewing its tasks:</source>
        <translation>Hãy kiểm tra những điều sau trước khi rà soát các nhiệm vụ:</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 mục khác</translation>
    </message>
    <message>
        <source>There is not enough memory for this work; close other programs, or work on a smaller extent or fewer layers.</source>
        <translation>Không đủ bộ nhớ cho công việc này; hãy đóng bớt các chương trình khác, hoặc làm trên phạm vi nhỏ hơn hay với ít lớp hơn.</translation>
    </message>
    <message>
        <source>The work stopped on an error PlanAtlas did not foresee (%1).</source>
        <translation>Công việc đã dừng vì một lỗi PlanAtlas không lường trước (%1).</translation>
    </message>
</context>
<context>
    <name>pa::gui::MapCanvas</name>
    <message>
        <source>Share of each unit covered by %1</source>
        <translation>Tỷ lệ diện tích mỗi đơn vị có %1</translation>
    </message>
    <message>
        <source>perimeter</source>
        <translation>chu vi</translation>
    </message>
</context>
<context>
    <name>pa::gui::PlanBrowser</name>
    <message>
        <source>Search tasks (with or without diacritics)…</source>
        <translation>Tìm nhiệm vụ (có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <source>Only tasks without a place on the map</source>
        <translation>Chỉ các nhiệm vụ chưa có vị trí trên bản đồ</translation>
    </message>
    <message>
        <source>Due before (dd/mm/yyyy)…</source>
        <translation>Hạn hoàn thành trước ngày (dd/mm/yyyy)…</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <source>All agencies</source>
        <translation>Tất cả cơ quan</translation>
    </message>
    <message>
        <source>(none named)</source>
        <translation>(không nêu)</translation>
    </message>
    <message>
        <source>Not placed on the map yet</source>
        <translation>Chưa gắn vị trí trên bản đồ</translation>
    </message>
    <message>
        <source>No place on the map: %1</source>
        <translation>Không có vị trí trên bản đồ: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation>
            <numerusform>Hiển thị %n nhiệm vụ</numerusform>
        </translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>Choose a task to read it in full and see its footprint on the map.</source>
        <translation>Chọn một nhiệm vụ để đọc đầy đủ và xem vị trí của nó trên bản đồ.</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
        <source>Acting on: %1</source>
        <translation>Tác động tới: %1</translation>
    </message>
    <message>
        <source>No plan document in the workspace yet: File ▸ Ingest a plan document reads one</source>
        <translation>Không gian làm việc chưa có văn bản kế hoạch: Tệp ▸ Đọc văn bản kế hoạch để thêm</translation>
    </message>
    <message numerus="yes">
        <source>No task matches the filters; %n task(s) in all when they are cleared</source>
        <translation>
            <numerusform>Không có nhiệm vụ nào khớp bộ lọc; bỏ bộ lọc để xem cả %n nhiệm vụ</numerusform>
        </translation>
    </message>
    <message>
        <source>The task you had chosen is not among those the filters show.</source>
        <translation>Nhiệm vụ đã chọn không nằm trong các nhiệm vụ bộ lọc đang hiển thị.</translation>
    </message>
</context>
<context>
    <name>pa::gui::SharedWorkspaceDialog</name>
    <message>
        <source>Open a shared workspace</source>
        <translation>Mở không gian làm việc dùng chung</translation>
    </message>
    <message>
        <source>A workspace in a PostGIS database, shared by the department&apos;s planners. The database is named by its service (pg_service.conf); its password is kept in the password file (.pgpass), never typed here.</source>
        <translation>Không gian làm việc trong cơ sở dữ liệu PostGIS, dùng chung cho các cán bộ quy hoạch của Sở. Cơ sở dữ liệu được gọi theo tên dịch vụ (pg_service.conf); mật khẩu nằm trong tệp mật khẩu (.pgpass), không bao giờ nhập ở đây.</translation>
    </message>
    <message>
        <source>Database (service)</source>
        <translation>Cơ sở dữ liệu (dịch vụ)</translation>
    </message>
    <message>
        <source>List its workspaces</source>
        <translation>Liệt kê các không gian làm việc</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Không gian làm việc</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>No service is defined for you yet: your database administrator adds one to pg_service.conf.</source>
        <translation>Bạn chưa có dịch vụ nào: người quản trị cơ sở dữ liệu thêm dịch vụ vào pg_service.conf.</translation>
    </message>
    <message>
        <source>Choose or type the name of a service.</source>
        <translation>Chọn hoặc nhập tên một dịch vụ.</translation>
    </message>
    <message>
        <source>The database of service %1 holds no workspace you may read; its owner gives you the right.</source>
        <translation>Cơ sở dữ liệu của dịch vụ %1 không có không gian làm việc nào bạn được đọc; chủ sở hữu cấp quyền cho bạn.</translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <source>you may edit its links</source>
        <translation>bạn có thể sửa liên kết</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>chỉ đọc</translation>
    </message>
    <message numerus="yes">
        <source>%n workspace(s) you may read.</source>
        <translation>
            <numerusform>%n không gian làm việc bạn được đọc.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pa::gui::SheetView</name>
    <message>
        <source>Open a scanned or PDF map sheet</source>
        <translation>Mở tờ bản đồ quét hoặc PDF</translation>
    </message>
</context>
<context>
    <name>pa::gui::SuggestionsPanel</name>
    <message>
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Bác</translation>
    </message>
    <message>
        <source>Suggest again</source>
        <translation>Gợi ý lại</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>Độ tin cậy</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) to review</source>
        <translation>
            <numerusform>%n gợi ý cần xem xét</numerusform>
        </translation>
    </message>
    <message>
        <source>Link the chosen features (a chosen group: all its features); for a chosen task without a place, record it so with the reason shown</source>
        <translation>Liên kết các đối tượng đã chọn (chọn một nhóm: mọi đối tượng của nhóm); với nhiệm vụ không có địa điểm đã chọn, ghi nhận như vậy kèm lý do hiển thị</translation>
    </message>
    <message>
        <source>Read the tasks again for the places and the kinds of feature they name</source>
        <translation>Đọc lại các nhiệm vụ để tìm địa điểm và loại đối tượng được nêu</translation>
    </message>
    <message>
        <source>Task and why · feature</source>
        <translation>Nhiệm vụ và lý do · đối tượng</translation>
    </message>
    <message numerus="yes">
        <source>Without a place: %n task(s)</source>
        <translation>
            <numerusform>Không gắn địa điểm: %n nhiệm vụ</numerusform>
        </translation>
    </message>
    <message>
        <source>No place of the workspace found in these tasks: the reason suggested for leaving each off the map</source>
        <translation>Không tìm thấy địa điểm nào của không gian làm việc trong các nhiệm vụ này: lý do gợi ý để không thể hiện trên bản đồ</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n nhóm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) without a place</source>
        <translation>
            <numerusform>%n nhiệm vụ không có địa điểm</numerusform>
        </translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Lý do khác</translation>
    </message>
    <message>
        <source>Record the chosen tasks without a place with another reason than the one suggested; later suggestions learn from it</source>
        <translation>Ghi các nhiệm vụ đã chọn là không gắn với địa điểm với một lý do khác lý do được gợi ý; các gợi ý sau sẽ học theo lựa chọn này</translation>
    </message>
    <message>
        <source>like %1, reviewed so</source>
        <translation>giống nhiệm vụ %1 đã được ghi như vậy</translation>
    </message>
    <message>
        <source>no words of any class: the class taken when none is named</source>
        <translation>không có từ nào của các lớp: lớp được chọn khi không lớp nào được nêu</translation>
    </message>
</context>
<context>
    <name>pa::layers</name>
    <message>
        <source>%1 or %2</source>
        <translation>%1 hoặc %2</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>một số</translation>
    </message>
    <message>
        <source>a positive number</source>
        <translation>một số dương</translation>
    </message>
    <message>
        <source>a number not below 0</source>
        <translation>một số không âm</translation>
    </message>
    <message>
        <source>a number above %1</source>
        <translation>một số lớn hơn %1</translation>
    </message>
    <message>
        <source>a number not below %1</source>
        <translation>một số không nhỏ hơn %1</translation>
    </message>
    <message>
        <source>%1 of kilometres</source>
        <translation>%1 (km)</translation>
    </message>
    <message>
        <source>%1 of hectares</source>
        <translation>%1 (ha)</translation>
    </message>
    <message>
        <source>the %1 analysis takes no such parameter</source>
        <translation>phép phân tích %1 không có tham số này</translation>
    </message>
    <message>
        <source>the %1 analysis needs it</source>
        <translation>phép phân tích %1 cần giá trị này</translation>
    </message>
    <message>
        <source>the %1 analysis needs it (%2)</source>
        <translation>phép phân tích %1 cần giá trị này (%2)</translation>
    </message>
    <message>
        <source>must be %1, not &apos;%2&apos;</source>
        <translation>phải là %1, không phải &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (2026-06-30 or 30/6/2026)</source>
        <translation>&apos;%1&apos; không phải là một ngày (viết 30/6/2026 hoặc 2026-06-30)</translation>
    </message>
    <message>
        <source>unknown kind &apos;%1&apos;; kinds are: %2</source>
        <translation>không có loại &apos;%1&apos;; các loại là: %2</translation>
    </message>
    <message>
        <source>each must be %1, not &apos;%2&apos;</source>
        <translation>mỗi mục phải là %1, không phải &apos;%2&apos;</translation>
    </message>
    <message>
        <source>needs a value</source>
        <translation>cần có giá trị</translation>
    </message>
    <message>
        <source>the workspace has no layer &apos;%1&apos;</source>
        <translation>không gian làm việc không có lớp &apos;%1&apos;</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no feature with a shape to make a page of</source>
        <translation>lớp &apos;%1&apos; không có đối tượng nào có hình dạng để làm một trang</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no feature with the code %2</source>
        <translation>lớp &apos;%1&apos; không có đối tượng nào mang mã %2</translation>
    </message>
    <message>
        <source>must be a positive number of kilometres</source>
        <translation>phải là một số dương (km)</translation>
    </message>
    <message>
        <source>must be auto, planatlas or database, not &apos;%1&apos;</source>
        <translation>phải là auto, planatlas hoặc database, không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not KIND:KIND</source>
        <translation>&apos;%1&apos; không có dạng LOẠI:LOẠI</translation>
    </message>
    <message>
        <source>the workspace has no expressway feature; import one of kind expressway</source>
        <translation>không gian làm việc chưa có đường cao tốc nào; hãy nhập một lớp thuộc loại Đường cao tốc</translation>
    </message>
    <message>
        <source>the workspace has no expressway feature with those statuses; import one of kind expressway</source>
        <translation>không gian làm việc không có đường cao tốc nào ở các trạng thái đã chọn; hãy nhập một lớp thuộc loại Đường cao tốc</translation>
    </message>
    <message>
        <source>must be expressway or urban_centre[:tier], not &apos;%1&apos;</source>
        <translation>phải là expressway hoặc urban_centre[:cấp], không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the workspace has no %1 feature to measure access to</source>
        <translation>không gian làm việc không có đối tượng %1 nào để đo khả năng tiếp cận</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no CRS; it cannot be analysed (never guessed)</source>
        <translation>lớp &apos;%1&apos; không khai báo hệ tọa độ nên không phân tích được (PlanAtlas không bao giờ tự đoán hệ tọa độ)</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is not a table of a GeoPackage workspace</source>
        <translation>lớp &apos;%1&apos; không phải là một bảng của không gian làm việc GeoPackage</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is not a polygon layer</source>
        <translation>lớp &apos;%1&apos; không phải là lớp vùng</translation>
    </message>
    <message>
        <source>no admin_province layer &apos;%1&apos;</source>
        <translation>không có lớp ranh giới tỉnh &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the workspace has no admin_province layer that is still valid</source>
        <translation>không gian làm việc không có lớp ranh giới tỉnh nào còn hiệu lực</translation>
    </message>
    <message>
        <source>the admin_province layer &apos;%1&apos; has no polygons</source>
        <translation>lớp ranh giới tỉnh &apos;%1&apos; không có vùng nào</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no field &apos;%2&apos;</source>
        <translation>lớp &apos;%1&apos; không có trường &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a band number (FILE:BAND, bands count from 1)</source>
        <translation>&apos;%1&apos; không phải là số thứ tự kênh ảnh (kênh đếm từ 1)</translation>
    </message>
    <message>
        <source>%1 has %2 band(s), not %3</source>
        <translation>%1 chỉ có %2 kênh ảnh, không có kênh %3</translation>
    </message>
    <message>
        <source>unknown kind &apos;%1&apos;</source>
        <translation>không có loại &apos;%1&apos;</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is not a programme layer (%2); only programme features are drawn</source>
        <translation>lớp &apos;%1&apos; không phải là lớp của chương trình (%2); chỉ vẽ được đối tượng của chương trình</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no table with geometry</source>
        <translation>lớp &apos;%1&apos; không có bảng chứa hình dạng</translation>
    </message>
    <message>
        <source>the shape drawn is empty</source>
        <translation>hình vừa vẽ trống</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; holds %2 features; a %3 was drawn</source>
        <translation>lớp &apos;%1&apos; chứa đối tượng kiểu %2, nhưng hình vừa vẽ là %3</translation>
    </message>
    <message>
        <source>the shape drawn cannot be repaired (%1)</source>
        <translation>không sửa được hình vừa vẽ (%1)</translation>
    </message>
    <message>
        <source>an area needs at least three corners that are not on one line</source>
        <translation>một vùng cần ít nhất ba đỉnh không thẳng hàng</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no feature fid %2</source>
        <translation>lớp &apos;%1&apos; không có đối tượng số %2</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no link table</source>
        <translation>lớp &apos;%1&apos; không có bảng liên kết</translation>
    </message>
    <message>
        <source>the workspace has no map sheet &apos;%1&apos;</source>
        <translation>không gian làm việc không có tờ bản đồ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a new feature needs a code</source>
        <translation>đối tượng mới cần có mã</translation>
    </message>
    <message>
        <source>a new feature needs a name</source>
        <translation>đối tượng mới cần có tên</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no attribute &apos;%2&apos;</source>
        <translation>lớp &apos;%1&apos; không có thuộc tính &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; không phải là số</translation>
    </message>
    <message>
        <source>the workspace already has a feature with code &apos;%1&apos;</source>
        <translation>không gian làm việc đã có đối tượng mang mã &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be cut: %2</source>
        <translation>không cắt được &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>the line does not cut &apos;%1&apos; in two: draw it across the shape, from outside it to outside it</source>
        <translation>đường vừa vẽ không chia &apos;%1&apos; làm hai: hãy vẽ cắt ngang qua hình, từ bên ngoài sang bên ngoài</translation>
    </message>
    <message>
        <source>choose at least two features to merge</source>
        <translation>hãy chọn ít nhất hai đối tượng để gộp</translation>
    </message>
    <message>
        <source>a feature cannot be merged into itself</source>
        <translation>không thể gộp một đối tượng vào chính nó</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>không tìm thấy tệp</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>tệp trống</translation>
    </message>
    <message>
        <source>expands from %1 KB to %2 MB, %3</source>
        <translation>khi giải nén tăng từ %1 KB lên %2 MB, %3</translation>
    </message>
    <message>
        <source>cannot be read as GIS vector data (GDAL: %1)</source>
        <translation>không đọc được như dữ liệu GIS dạng vector (GDAL: %1)</translation>
    </message>
    <message>
        <source>contains no vector layer</source>
        <translation>không chứa lớp vector nào</translation>
    </message>
    <message>
        <source>has no layer &apos;%1&apos;</source>
        <translation>không có lớp &apos;%1&apos;</translation>
    </message>
    <message>
        <source>has %1 layers (%2)</source>
        <translation>có %1 lớp (%2); hãy chọn một lớp</translation>
    </message>
    <message>
        <source>its coordinate reference system cannot be read (%1)</source>
        <translation>không đọc được hệ tọa độ của tệp (%1)</translation>
    </message>
    <message>
        <source>no coordinate reference system is declared, and PlanAtlas will not guess one</source>
        <translation>tệp không khai báo hệ tọa độ, và PlanAtlas không đoán hệ tọa độ</translation>
    </message>
    <message>
        <source>a layer of kind %1 needs &apos;%2&apos;, and no column is recognised for it (columns: %3)</source>
        <translation>lớp loại %1 cần thuộc tính &apos;%2&apos;, nhưng không nhận ra cột nào cho thuộc tính này (các cột: %3)</translation>
    </message>
    <message>
        <source>read error after %1 feature(s), the file may be truncated or corrupt (GDAL: %2)</source>
        <translation>lỗi đọc sau %1 đối tượng, tệp có thể bị cắt cụt hoặc hỏng (GDAL: %2)</translation>
    </message>
    <message>
        <source>%1 geometry value(s) cannot be read:%2
correct them, or leave the cell empty for a feature without geometry</source>
        <translation>%1 giá trị hình dạng không đọc được:%2
hãy sửa lại, hoặc để trống ô đó cho đối tượng không có hình dạng</translation>
    </message>
    <message>
        <source>none of its %1 feature(s) has a geometry; nothing would appear on a map (a CSV needs a WKT column named wkt, geom or geometry, or lon and lat columns)</source>
        <translation>không đối tượng nào trong %1 đối tượng có hình dạng; bản đồ sẽ không hiện gì (tệp CSV cần một cột WKT tên wkt, geom hoặc geometry, hoặc hai cột lon và lat)</translation>
    </message>
    <message>
        <source>codes in column &apos;%1&apos; are not unique or not usable:%2</source>
        <translation>mã trong cột &apos;%1&apos; bị trùng hoặc không dùng được:%2</translation>
    </message>
    <message>
        <source>mixes geometry types (%1); a layer of kind %2 holds one of %3: split the file</source>
        <translation>trộn nhiều kiểu hình dạng (%1); lớp loại %2 chỉ chứa một trong các kiểu %3: hãy tách tệp, hoặc chọn từng lớp của tệp</translation>
    </message>
    <message>
        <source>has %1 geometries; a layer of kind %2 holds %3</source>
        <translation>có hình dạng kiểu %1; lớp loại %2 chứa kiểu %3</translation>
    </message>
    <message>
        <source>read error at feature %1: %2</source>
        <translation>lỗi đọc tại đối tượng thứ %1: %2</translation>
    </message>
    <message>
        <source>all %1 feature(s) lie more than 100 km outside %2 (up to %3 km away) once read as %4: the source CRS is probably wrong</source>
        <translation>tất cả %1 đối tượng đều nằm ngoài %2 hơn 100 km (xa nhất %3 km) khi đọc theo %4: hệ tọa độ của tệp có lẽ sai</translation>
    </message>
    <message>
        <source>cannot write layer &apos;%1&apos; to &apos;%2&apos;: %3</source>
        <translation>không ghi được lớp &apos;%1&apos; vào &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>geometry cannot be repaired: %1</source>
        <translation>không sửa được hình dạng: %1</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not valid UTF-8; the file seems to use a legacy encoding (TCVN3, VNI or Windows-1258)</source>
        <translation>cột &apos;%1&apos; không phải UTF-8 hợp lệ; tệp có vẻ dùng bảng mã cũ (TCVN3, VNI hoặc Windows-1258)</translation>
    </message>
    <message>
        <source>role %1 may change the rows of &apos;%2&apos; but not add tables to it, and %3 is a table of its own; nothing was changed (the schema&apos;s owner adds it, or gives this role the right to create tables in the schema)</source>
        <translation>vai trò %1 được sửa các dòng của &apos;%2&apos; nhưng không được thêm bảng, trong khi %3 cần một bảng riêng; không có gì bị thay đổi (chủ sở hữu lược đồ thêm bảng này, hoặc cấp cho vai trò quyền tạo bảng trong lược đồ)</translation>
    </message>
    <message>
        <source>a layer&apos;s title cannot be empty</source>
        <translation>tên hiển thị của lớp không được để trống</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; cannot be taken out: %2</source>
        <translation>không gỡ được lớp &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>the workspace has a layer &apos;%1&apos; again; the one removed cannot come back under its name</source>
        <translation>không gian làm việc lại có một lớp &apos;%1&apos;; lớp đã gỡ không thể trở lại dưới tên này</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; cannot be put back: %2</source>
        <translation>không đưa lớp &apos;%1&apos; trở lại được: %2</translation>
    </message>
    <message>
        <source>removed layer &apos;%1&apos; cannot be deleted: %2</source>
        <translation>không xóa được lớp đã gỡ &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>%1: cannot be read</source>
        <translation>%1: không đọc được</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: không tìm thấy tệp</translation>
    </message>
    <message>
        <source>%1: not UTF-8 text (save the control points as UTF-8 CSV)</source>
        <translation>%1: không phải văn bản UTF-8 (hãy lưu các điểm khống chế dưới dạng CSV UTF-8)</translation>
    </message>
    <message>
        <source>%1, line %2: the header names no column for %3 (expected pixel, line, x, y — or a QGIS .points file&apos;s mapX, mapY, sourceX, sourceY)</source>
        <translation>%1, dòng %2: dòng tiêu đề không có cột cho %3 (cần pixel, line, x, y — hoặc mapX, mapY, sourceX, sourceY của tệp .points QGIS)</translation>
    </message>
    <message>
        <source>%1, line %2 (%3): %4 &apos;%5&apos; is not a number</source>
        <translation>%1, dòng %2 (%3): %4 &apos;%5&apos; không phải là số</translation>
    </message>
    <message>
        <source>%1, line %2 (%3): sourceY is positive — these points were placed on a sheet that was already georeferenced; PlanAtlas needs them placed on the plain scan (pixel positions)</source>
        <translation>%1, dòng %2 (%3): sourceY dương — các điểm này được đặt trên một tờ bản đồ đã nắn; PlanAtlas cần điểm đặt trên ảnh quét gốc (vị trí điểm ảnh)</translation>
    </message>
    <message>
        <source>%1, line %2 (%3): a pixel position is negative</source>
        <translation>%1, dòng %2 (%3): vị trí điểm ảnh bị âm</translation>
    </message>
    <message>
        <source>%1: empty (no header, no control points)</source>
        <translation>%1: tệp trống (không có dòng tiêu đề, không có điểm khống chế)</translation>
    </message>
    <message>
        <source>%1: no control points (only the header, and %2 switched off)</source>
        <translation>%1: không có điểm khống chế (chỉ có dòng tiêu đề, và %2 điểm đã tắt)</translation>
    </message>
    <message>
        <source>%1: no control points (only the header)</source>
        <translation>%1: không có điểm khống chế (chỉ có dòng tiêu đề)</translation>
    </message>
    <message>
        <source>role %1 may change the rows of &apos;%2&apos; but not remove its tables, and a map sheet is a table of its own; nothing was changed (the schema&apos;s owner removes it)</source>
        <translation>vai trò %1 được sửa các dòng của &apos;%2&apos; nhưng không được gỡ bảng, trong khi tờ bản đồ là một bảng riêng; không có gì bị thay đổi (chủ sở hữu lược đồ gỡ tờ bản đồ này)</translation>
    </message>
    <message>
        <source>the workspace already has a layer &apos;%1&apos;; choose another name</source>
        <translation>không gian làm việc đã có lớp &apos;%1&apos;; hãy chọn tên khác</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date</source>
        <translation>&apos;%1&apos; không phải là một ngày</translation>
    </message>
    <message>
        <source>the sheet carries no georeferencing of its own; give a file of control points</source>
        <translation>tờ bản đồ không mang sẵn thông tin nắn; hãy cung cấp tệp điểm khống chế</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already exists; PlanAtlas will not overwrite it</source>
        <translation>&apos;%1&apos; đã có; PlanAtlas không ghi đè</translation>
    </message>
    <message>
        <source>cannot create &apos;%1&apos;: folder &apos;%2&apos; does not exist</source>
        <translation>không tạo được &apos;%1&apos;: thư mục &apos;%2&apos; không tồn tại</translation>
    </message>
    <message>
        <source>cannot create workspace &apos;%1&apos;: %2</source>
        <translation>không tạo được không gian làm việc &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; does not exist</source>
        <translation>không gian làm việc &apos;%1&apos; không tồn tại</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no schema; add active_schema=&lt;province&apos;s schema&gt; to the connection string</source>
        <translation>&apos;%1&apos; không nêu lược đồ nào; hãy thêm active_schema=&lt;lược đồ của tỉnh&gt; vào chuỗi kết nối</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: this change is not yet made in a workspace in PostGIS; make it in a GeoPackage and copy it in</source>
        <translation>&apos;%1&apos;: chưa thực hiện được thay đổi này trong không gian làm việc PostGIS; hãy thực hiện trong một tệp GeoPackage rồi sao chép vào</translation>
    </message>
    <message>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>không mở được &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the database has no schema &apos;%2&apos;</source>
        <translation>&apos;%1&apos;: cơ sở dữ liệu không có lược đồ &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a GeoPackage but not a PlanAtlas workspace: it has no pa_metadata table</source>
        <translation>&apos;%1&apos; là một tệp GeoPackage nhưng không phải không gian làm việc PlanAtlas: tệp không có bảng pa_metadata</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; has schema_version &apos;%2&apos;, which is not a number; it is damaged or was not written by PlanAtlas</source>
        <translation>không gian làm việc &apos;%1&apos; có schema_version &apos;%2&apos; không phải là số; dữ liệu bị hỏng hoặc không do PlanAtlas ghi</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; has schema version %2, newer than this PlanAtlas (%3); update PlanAtlas</source>
        <translation>không gian làm việc &apos;%1&apos; có phiên bản lược đồ %2, mới hơn PlanAtlas này (%3); hãy cập nhật PlanAtlas</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; has no valid schema_version</source>
        <translation>không gian làm việc &apos;%1&apos; không có schema_version hợp lệ</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; has %2 trigger(s) that neither PlanAtlas nor GDAL made (%3); they would run on every change PlanAtlas makes, so nothing was changed; remove them</source>
        <translation>không gian làm việc &apos;%1&apos; có %2 trigger không do PlanAtlas hay GDAL tạo (%3); chúng sẽ chạy ở mọi thay đổi PlanAtlas thực hiện, nên không có gì bị thay đổi; hãy gỡ chúng</translation>
    </message>
    <message>
        <source>cannot add column %1 to %2 in a schema; copy the workspace again</source>
        <translation>không thêm được cột %1 vào %2 trong lược đồ; hãy sao chép lại không gian làm việc</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; is damaged: %2 table(s) are missing (%3); restore it from a copy</source>
        <translation>không gian làm việc &apos;%1&apos; bị hỏng: thiếu %2 bảng (%3); hãy khôi phục từ một bản sao</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; is damaged: its analysis CRS %2 (%3) is not a projected CRS in metres, so areas and distances would not be hectares and kilometres; restore it from a copy</source>
        <translation>không gian làm việc &apos;%1&apos; bị hỏng: hệ tọa độ phân tích %2 (%3) không phải hệ tọa độ phẳng tính bằng mét, nên diện tích và khoảng cách sẽ không ra héc-ta và ki-lô-mét; hãy khôi phục từ một bản sao</translation>
    </message>
    <message>
        <source>workspace &apos;%1&apos; is damaged: %2</source>
        <translation>không gian làm việc &apos;%1&apos; bị hỏng: %2</translation>
    </message>
    <message>
        <source>suggestion %1 (task &apos;%2&apos; → %3): the workspace has no feature with that code any more. The suggestions are older than the features; make them again</source>
        <translation>gợi ý %1 (nhiệm vụ &apos;%2&apos; → %3): không gian làm việc không còn đối tượng mang mã này. Các gợi ý được lập trước khi đối tượng thay đổi; hãy lập lại gợi ý</translation>
    </message>
    <message>
        <source>task &apos;%1&apos; has no words to suggest a reason from: give its reason</source>
        <translation>nhiệm vụ &apos;%1&apos; không có nội dung để gợi ý lý do: hãy nhập lý do</translation>
    </message>
    <message>
        <source>no task &apos;%1&apos; in the workspace; tasks with ids like it: %2</source>
        <translation>không gian làm việc không có nhiệm vụ &apos;%1&apos;; các nhiệm vụ có mã gần giống: %2</translation>
    </message>
    <message>
        <source>no feature with code &apos;%1&apos; in the workspace</source>
        <translation>không gian làm việc không có đối tượng mang mã &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the code &apos;%1&apos; belongs to %2 features (%3): a link to it would be a guess; give each feature its own code</source>
        <translation>mã &apos;%1&apos; thuộc về %2 đối tượng (%3): liên kết tới mã này sẽ là đoán; hãy cho mỗi đối tượng một mã riêng</translation>
    </message>
    <message>
        <source>no task &apos;%1&apos; in the workspace</source>
        <translation>không gian làm việc không có nhiệm vụ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no suggestion %1</source>
        <translation>không có gợi ý số %1</translation>
    </message>
    <message>
        <source>cannot write links to &apos;%1&apos;: %2</source>
        <translation>không ghi được liên kết vào &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>must be a number between 0 and 1</source>
        <translation>phải là một số từ 0 đến 1</translation>
    </message>
    <message>
        <source>the workspace &apos;%1&apos; is of schema 1 and was opened read-only: open it for writing once to upgrade it</source>
        <translation>không gian làm việc &apos;%1&apos; có lược đồ phiên bản 1 và được mở chỉ đọc: hãy mở ở chế độ ghi một lần để nâng cấp</translation>
    </message>
    <message>
        <source>a map sheet</source>
        <translation>một tờ bản đồ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be used: %2 (made from the sheet&apos;s file name; choose one)</source>
        <translation>không dùng được tên &apos;%1&apos;: %2 (tên lấy từ tên tệp của tờ bản đồ; hãy chọn một tên)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be used: %2</source>
        <translation>không dùng được tên &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>a %1 layer records no source per feature; only programme kinds do</source>
        <translation>lớp loại %1 không ghi nguồn cho từng đối tượng; chỉ các loại đối tượng của chương trình mới ghi</translation>
    </message>
    <message>
        <source>&apos;%1&apos; contradicts the tracing from a map sheet, which makes the features digitized</source>
        <translation>&apos;%1&apos; mâu thuẫn với việc vẽ theo tờ bản đồ: đối tượng vẽ theo tờ bản đồ là đối tượng số hóa</translation>
    </message>
    <message>
        <source>must be surveyed, digitized or indicative, not &apos;%1&apos;</source>
        <translation>phải là surveyed (đo đạc), digitized (số hóa) hoặc indicative (chỉ dẫn), không phải &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date (write 2025-06-30 or 30/6/2025)</source>
        <translation>&apos;%1&apos; không phải là một ngày (viết 30/6/2025 hoặc 2025-06-30)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be used: %2 (made from the file&apos;s name; choose one)</source>
        <translation>không dùng được tên &apos;%1&apos;: %2 (tên lấy từ tên tệp; hãy chọn một tên)</translation>
    </message>
    <message>
        <source>the province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>the area %1 is meant for</source>
        <translation>vùng áp dụng của %1</translation>
    </message>
    <message>
        <source>a layer</source>
        <translation>một lớp dữ liệu</translation>
    </message>
    <message>
        <source>the layer name is empty</source>
        <translation>tên lớp đang để trống</translation>
    </message>
    <message>
        <source>the layer name is longer than 50 characters</source>
        <translation>tên lớp dài hơn 50 ký tự</translation>
    </message>
    <message>
        <source>a layer name starts with a lower-case ASCII letter</source>
        <translation>tên lớp phải bắt đầu bằng một chữ cái thường không dấu (a–z)</translation>
    </message>
    <message>
        <source>a layer name has only lower-case ASCII letters, digits and &apos;_&apos;</source>
        <translation>tên lớp chỉ gồm chữ cái thường không dấu (a–z), chữ số và dấu &apos;_&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved for system tables</source>
        <translation>&apos;%1&apos; được dành cho các bảng hệ thống</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos;: %2</source>
        <translation>lớp &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>%1: this document is scanned (no text layer) and reading it needs Tesseract&apos;s Vietnamese data, which is not installed (Debian package tesseract-ocr-vie)</source>
        <translation>%1: văn bản này là bản quét (không có lớp chữ) và cần dữ liệu tiếng Việt của Tesseract để đọc, nhưng dữ liệu này chưa được cài (gói Debian tesseract-ocr-vie)</translation>
    </message>
    <message>
        <source>page %1 could not be recognised</source>
        <translation>không nhận dạng được trang %1</translation>
    </message>
    <message>
        <source>%1: not a readable PDF (damaged or not a PDF)</source>
        <translation>%1: không phải tệp PDF đọc được (tệp hỏng hoặc không phải PDF)</translation>
    </message>
    <message>
        <source>%1: the PDF is protected by a password; save an unprotected copy first</source>
        <translation>%1: tệp PDF được bảo vệ bằng mật khẩu; hãy lưu một bản không có mật khẩu trước</translation>
    </message>
    <message>
        <source>%1: the document has no text</source>
        <translation>%1: văn bản không có nội dung chữ</translation>
    </message>
    <message>
        <source>%1: no numbered sections (I., 1., Điều 1.) or task table were found; this does not look like a plan document</source>
        <translation>%1: không tìm thấy mục đánh số (I., 1., Điều 1.) hay bảng nhiệm vụ nào; đây có vẻ không phải văn bản kế hoạch</translation>
    </message>
    <message>
        <source>%1: numbered sections were found but no task assigned to anyone could be read from them (parts: %2)</source>
        <translation>%1: có các mục đánh số nhưng không đọc được nhiệm vụ nào được giao cho cơ quan nào (các phần: %2)</translation>
    </message>
    <message>
        <source>is a folder, not a document</source>
        <translation>là một thư mục, không phải văn bản</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>không đọc được (%1)</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB; this is not a plan document</source>
        <translation>tệp lớn hơn %1 MB; đây không phải văn bản kế hoạch</translation>
    </message>
    <message>
        <source>cannot be opened for reading</source>
        <translation>không mở được để đọc</translation>
    </message>
    <message>
        <source>a zip archive but not a readable .docx (%1)</source>
        <translation>là tệp nén zip nhưng không phải tệp .docx đọc được (%1)</translation>
    </message>
    <message>
        <source>an old Word .doc file, which PlanAtlas does not read; open it in Word or LibreOffice and save it as .docx or PDF</source>
        <translation>là tệp Word .doc kiểu cũ, PlanAtlas không đọc được; hãy mở bằng Word hoặc LibreOffice và lưu thành .docx hoặc PDF</translation>
    </message>
    <message>
        <source>this is a binary file, not a text document</source>
        <translation>đây là tệp nhị phân, không phải văn bản</translation>
    </message>
    <message>
        <source>its text is %1 bytes, %2; this is not a plan document</source>
        <translation>nội dung dài %1 byte, %2; đây không phải văn bản kế hoạch</translation>
    </message>
    <message>
        <source>the document id is empty</source>
        <translation>mã văn bản đang để trống</translation>
    </message>
    <message>
        <source>the document id is longer than 100 characters</source>
        <translation>mã văn bản dài hơn 100 ký tự</translation>
    </message>
    <message>
        <source>the document id &apos;%1&apos; holds &apos;%2&apos;, which separates the parts of a task id; use letters (without diacritics), digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>mã văn bản &apos;%1&apos; chứa &apos;%2&apos;, ký tự dùng để ngăn các phần của mã nhiệm vụ; hãy dùng chữ cái (không dấu), chữ số, &apos;-&apos;, &apos;_&apos; và &apos;.&apos;</translation>
    </message>
    <message>
        <source>the document id &apos;%1&apos; holds a character other than a letter, digit, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;; use letters (without diacritics), digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;</source>
        <translation>mã văn bản &apos;%1&apos; chứa ký tự không phải chữ cái, chữ số, &apos;-&apos;, &apos;_&apos; hay &apos;.&apos;; hãy dùng chữ cái (không dấu), chữ số, &apos;-&apos;, &apos;_&apos; và &apos;.&apos;</translation>
    </message>
    <message>
        <source>document &apos;%1&apos;%2 in the workspace is not an earlier version of %3: %4 of its %5 tasks are in the new text, and storing it under this id would remove %6 task(s) and %7 reviewed link(s). Store it under another document id, or replace the document on purpose</source>
        <translation>văn bản &apos;%1&apos;%2 trong không gian làm việc không phải phiên bản trước của %3: chỉ %4 trong %5 nhiệm vụ của nó có trong văn bản mới, và lưu dưới mã này sẽ xóa %6 nhiệm vụ và %7 liên kết đã duyệt. Hãy lưu dưới một mã văn bản khác, hoặc chủ động thay thế văn bản</translation>
    </message>
    <message>
        <source>cannot write plan &apos;%1&apos; to &apos;%2&apos;: %3</source>
        <translation>không ghi được kế hoạch &apos;%1&apos; vào &apos;%2&apos;: %3</translation>
    </message>
    <message>
        <source>no document &apos;%1&apos; in the workspace</source>
        <translation>không gian làm việc không có văn bản &apos;%1&apos;</translation>
    </message>
    <message>
        <source>document &apos;%1&apos; was stored without its text (by an older PlanAtlas); ingest it again to correct its tasks</source>
        <translation>văn bản &apos;%1&apos; được lưu không kèm nội dung (bởi một phiên bản PlanAtlas cũ); hãy đọc lại văn bản để hiệu chỉnh nhiệm vụ</translation>
    </message>
    <message>
        <source>no task &apos;%1&apos; in document &apos;%2&apos;</source>
        <translation>văn bản &apos;%2&apos; không có nhiệm vụ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a split needs the words where the second task begins</source>
        <translation>muốn tách cần chọn những chữ mở đầu nhiệm vụ thứ hai</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not another task of document &apos;%2&apos;</source>
        <translation>&apos;%1&apos; không phải là một nhiệm vụ khác của văn bản &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the file declares %1; %2 was used instead, as chosen</source>
        <translation>tệp khai báo %1; đã dùng %2 theo lựa chọn</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 và %2 đối tượng khác</translation>
    </message>
    <message>
        <source>%1 invalid geometry was repaired with GEOS MakeValid</source>
        <translation>%1 hình học không hợp lệ đã được sửa bằng GEOS MakeValid</translation>
    </message>
    <message>
        <source>%1 invalid geometries were repaired with GEOS MakeValid</source>
        <translation>%1 hình học không hợp lệ đã được sửa bằng GEOS MakeValid</translation>
    </message>
    <message>
        <source>%1 repair used GEOS&apos;s structure method (rings merged as areas): the rings crossed at more than %2 points</source>
        <translation>%1 lần sửa dùng phương pháp cấu trúc của GEOS (gộp các vòng thành vùng): các vòng cắt nhau tại hơn %2 điểm</translation>
    </message>
    <message>
        <source>%1 repairs used GEOS&apos;s structure method (rings merged as areas): the rings crossed at more than %2 points</source>
        <translation>%1 lần sửa dùng phương pháp cấu trúc của GEOS (gộp các vòng thành vùng): các vòng cắt nhau tại hơn %2 điểm</translation>
    </message>
    <message>
        <source>%1 geometry lost collapsed parts (lines or points) during repair</source>
        <translation>%1 hình học mất các phần suy biến (đường hoặc điểm) khi sửa</translation>
    </message>
    <message>
        <source>%1 geometries lost collapsed parts (lines or points) during repair</source>
        <translation>%1 hình học mất các phần suy biến (đường hoặc điểm) khi sửa</translation>
    </message>
    <message>
        <source>%1 geometry collapsed to nothing during repair and was imported without geometry</source>
        <translation>%1 hình học suy biến thành rỗng khi sửa và được nhập không có hình học</translation>
    </message>
    <message>
        <source>%1 geometries collapsed to nothing during repair and were imported without geometry</source>
        <translation>%1 hình học suy biến thành rỗng khi sửa và được nhập không có hình học</translation>
    </message>
    <message>
        <source>%1 feature has no geometry and will not appear on maps</source>
        <translation>%1 đối tượng không có hình học và sẽ không hiện trên bản đồ</translation>
    </message>
    <message>
        <source>%1 features have no geometry and will not appear on maps</source>
        <translation>%1 đối tượng không có hình học và sẽ không hiện trên bản đồ</translation>
    </message>
    <message>
        <source>%1 feature had no code and received a generated one</source>
        <translation>%1 đối tượng không có mã và đã được cấp mã tự sinh</translation>
    </message>
    <message>
        <source>%1 features had no code and received a generated one</source>
        <translation>%1 đối tượng không có mã và đã được cấp mã tự sinh</translation>
    </message>
    <message>
        <source>%1 text value was converted from %2</source>
        <translation>%1 giá trị chữ đã được chuyển từ bảng mã %2</translation>
    </message>
    <message>
        <source>%1 text values were converted from %2</source>
        <translation>%1 giá trị chữ đã được chuyển từ bảng mã %2</translation>
    </message>
    <message>
        <source>%1 byte has no meaning in the declared encoding and was kept as Latin-1</source>
        <translation>%1 byte không có nghĩa trong bảng mã đã khai báo và được giữ theo Latin-1</translation>
    </message>
    <message>
        <source>%1 bytes have no meaning in the declared encoding and were kept as Latin-1</source>
        <translation>%1 byte không có nghĩa trong bảng mã đã khai báo và được giữ theo Latin-1</translation>
    </message>
    <message>
        <source>%1 text value was normalised to Unicode NFC</source>
        <translation>%1 giá trị chữ đã được chuẩn hóa về Unicode NFC</translation>
    </message>
    <message>
        <source>%1 text values were normalised to Unicode NFC</source>
        <translation>%1 giá trị chữ đã được chuẩn hóa về Unicode NFC</translation>
    </message>
    <message>
        <source>%1 text value had Ð/ð (U+00D0/U+00F0) replaced by Đ/đ</source>
        <translation>%1 giá trị chữ có Ð/ð (U+00D0/U+00F0) đã được thay bằng Đ/đ</translation>
    </message>
    <message>
        <source>%1 text values had Ð/ð (U+00D0/U+00F0) replaced by Đ/đ</source>
        <translation>%1 giá trị chữ có Ð/ð (U+00D0/U+00F0) đã được thay bằng Đ/đ</translation>
    </message>
    <message>
        <source>%1 text value looks like TCVN3 or VNI text read as Latin-1; if names look wrong, import it again in the TCVN3 or VNI encoding</source>
        <translation>%1 giá trị chữ có vẻ là chữ TCVN3 hoặc VNI bị đọc theo Latin-1; nếu tên hiển thị sai, hãy nhập lại với bảng mã TCVN3 hoặc VNI</translation>
    </message>
    <message>
        <source>%1 text values look like TCVN3 or VNI text read as Latin-1; if names look wrong, import them again in the TCVN3 or VNI encoding</source>
        <translation>%1 giá trị chữ có vẻ là chữ TCVN3 hoặc VNI bị đọc theo Latin-1; nếu tên hiển thị sai, hãy nhập lại với bảng mã TCVN3 hoặc VNI</translation>
    </message>
    <message>
        <source>%1 text value was UTF-8 that an earlier tool had read as Latin-1 (&quot;ThÃ¡i&quot; for &quot;Thái&quot;); repaired</source>
        <translation>%1 giá trị chữ là UTF-8 từng bị một công cụ trước đọc theo Latin-1 (&quot;ThÃ¡i&quot; thay cho &quot;Thái&quot;); đã sửa</translation>
    </message>
    <message>
        <source>%1 text values were UTF-8 that an earlier tool had read as Latin-1 (&quot;ThÃ¡i&quot; for &quot;Thái&quot;); repaired</source>
        <translation>%1 giá trị chữ là UTF-8 từng bị một công cụ trước đọc theo Latin-1 (&quot;ThÃ¡i&quot; thay cho &quot;Thái&quot;); đã sửa</translation>
    </message>
    <message>
        <source>%1 text value held control characters (NUL, …) that mean nothing in text; they were removed</source>
        <translation>%1 giá trị chữ chứa ký tự điều khiển (NUL, …) vô nghĩa trong văn bản; đã xóa các ký tự đó</translation>
    </message>
    <message>
        <source>%1 text values held control characters (NUL, …) that mean nothing in text; they were removed</source>
        <translation>%1 giá trị chữ chứa ký tự điều khiển (NUL, …) vô nghĩa trong văn bản; đã xóa các ký tự đó</translation>
    </message>
    <message>
        <source>%1 status value was not recognised and left empty: %2</source>
        <translation>%1 giá trị tình trạng không nhận dạng được và đã được để trống: %2</translation>
    </message>
    <message>
        <source>%1 status values were not recognised and left empty: %2</source>
        <translation>%1 giá trị tình trạng không nhận dạng được và đã được để trống: %2</translation>
    </message>
    <message>
        <source>%1 number was not readable and left empty</source>
        <translation>%1 giá trị số không đọc được và đã được để trống</translation>
    </message>
    <message>
        <source>%1 numbers were not readable and left empty</source>
        <translation>%1 giá trị số không đọc được và đã được để trống</translation>
    </message>
    <message>
        <source>%1 date was not readable and left empty</source>
        <translation>%1 giá trị ngày tháng không đọc được và đã được để trống</translation>
    </message>
    <message>
        <source>%1 dates were not readable and left empty</source>
        <translation>%1 giá trị ngày tháng không đọc được và đã được để trống</translation>
    </message>
    <message>
        <source>%1 column name was cut to 10 characters by the DBF format and restored: %2</source>
        <translation>%1 tên cột bị định dạng DBF cắt còn 10 ký tự và đã được khôi phục: %2</translation>
    </message>
    <message>
        <source>%1 column names were cut to 10 characters by the DBF format and restored: %2</source>
        <translation>%1 tên cột bị định dạng DBF cắt còn 10 ký tự và đã được khôi phục: %2</translation>
    </message>
    <message>
        <source>%1 text value has lost letters in an earlier conversion (&apos;?&apos; where a Vietnamese letter was; %2), e.g. %3; they cannot be repaired from this file: ask for a UTF-8 export (GeoPackage, or a Shapefile with a .cpg saying UTF-8)</source>
        <translation>%1 giá trị chữ đã mất chữ cái trong một lần chuyển đổi trước (&apos;?&apos; ở chỗ chữ tiếng Việt; %2), ví dụ %3; không thể sửa từ tệp này: hãy xin bản xuất UTF-8 (GeoPackage, hoặc Shapefile có tệp .cpg ghi UTF-8)</translation>
    </message>
    <message>
        <source>%1 text values have lost letters in an earlier conversion (&apos;?&apos; where a Vietnamese letter was; %2), e.g. %3; they cannot be repaired from this file: ask for a UTF-8 export (GeoPackage, or a Shapefile with a .cpg saying UTF-8)</source>
        <translation>%1 giá trị chữ đã mất chữ cái trong một lần chuyển đổi trước (&apos;?&apos; ở chỗ chữ tiếng Việt; %2), ví dụ %3; không thể sửa từ tệp này: hãy xin bản xuất UTF-8 (GeoPackage, hoặc Shapefile có tệp .cpg ghi UTF-8)</translation>
    </message>
    <message>
        <source>%1 feature has no value for required &apos;%2&apos;</source>
        <translation>%1 đối tượng không có giá trị cho thuộc tính bắt buộc &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 features have no value for required &apos;%2&apos;</source>
        <translation>%1 đối tượng không có giá trị cho thuộc tính bắt buộc &apos;%2&apos;</translation>
    </message>
    <message>
        <source>no licence recorded for this layer, so maps cannot credit it</source>
        <translation>lớp này chưa ghi giấy phép nên bản đồ không thể ghi nguồn</translation>
    </message>
    <message>
        <source>%1 feature lies more than 100 km outside %2 (%3 km away): feature %4</source>
        <translation>%1 đối tượng nằm ngoài %2 hơn 100 km (cách %3 km): đối tượng số %4</translation>
    </message>
    <message>
        <source>%1 features lie more than 100 km outside %2 (up to %3 km away): features %4</source>
        <translation>%1 đối tượng nằm ngoài %2 hơn 100 km (xa nhất %3 km): các đối tượng số %4</translation>
    </message>
    <message>
        <source>%1: the raster declares no CRS; assign it one first</source>
        <translation>%1: ảnh raster không khai báo hệ tọa độ; hãy gán hệ tọa độ cho ảnh trước (chẳng hạn trong QGIS)</translation>
    </message>
    <message>
        <source>%1: cannot be read as CSV (%2)</source>
        <translation>%1: không đọc được dưới dạng CSV (%2)</translation>
    </message>
    <message>
        <source>an empty file</source>
        <translation>một tệp rỗng</translation>
    </message>
    <message>
        <source>a GeoPackage or SQLite database</source>
        <translation>một GeoPackage hoặc cơ sở dữ liệu SQLite</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>một ảnh PNG</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>một tài liệu PDF</translation>
    </message>
    <message>
        <source>an SVG drawing</source>
        <translation>một bản vẽ SVG</translation>
    </message>
    <message>
        <source>an Excel workbook</source>
        <translation>một bảng tính Excel</translation>
    </message>
    <message>
        <source>text</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>binary data</source>
        <translation>dữ liệu nhị phân</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>một tệp</translation>
    </message>
    <message>
        <source>a text table</source>
        <translation>một bảng văn bản</translation>
    </message>
    <message>
        <source>an analysis GeoPackage</source>
        <translation>một GeoPackage kết quả phân tích</translation>
    </message>
    <message>
        <source>a PNG map</source>
        <translation>một bản đồ PNG</translation>
    </message>
    <message>
        <source>an SVG map</source>
        <translation>một bản đồ SVG</translation>
    </message>
    <message>
        <source>a PDF map</source>
        <translation>một bản đồ PDF</translation>
    </message>
    <message>
        <source>an output</source>
        <translation>một tệp kết quả</translation>
    </message>
    <message>
        <source>%1: %2; choose another file name</source>
        <translation>%1: %2; hãy chọn tên tệp khác</translation>
    </message>
    <message>
        <source>is a PlanAtlas workspace, which an output never replaces</source>
        <translation>là một không gian làm việc PlanAtlas, không bao giờ bị tệp kết quả ghi đè</translation>
    </message>
    <message>
        <source>is a GeoPackage that PlanAtlas did not write as an analysis output, so it is not replaced</source>
        <translation>là một GeoPackage không do PlanAtlas ghi ra làm kết quả phân tích nên không bị ghi đè</translation>
    </message>
    <message>
        <source>is an SQLite database but not a GeoPackage, so it is not replaced</source>
        <translation>là một cơ sở dữ liệu SQLite nhưng không phải GeoPackage nên không bị ghi đè</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: không ghi được (%2)</translation>
    </message>
    <message>
        <source>the output file has no name</source>
        <translation>tệp kết quả chưa có tên</translation>
    </message>
    <message>
        <source>%1: cannot be examined (%2)</source>
        <translation>%1: không kiểm tra được (%2)</translation>
    </message>
    <message>
        <source>is a symbolic link, which PlanAtlas does not write through</source>
        <translation>là một liên kết tượng trưng, PlanAtlas không ghi qua liên kết</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>là một thư mục, không phải tệp</translation>
    </message>
    <message>
        <source>is not a regular file (a device, a pipe or a socket)</source>
        <translation>không phải tệp thông thường (thiết bị, đường ống hoặc socket)</translation>
    </message>
    <message>
        <source>already exists and holds %1, which %2 does not replace</source>
        <translation>đã tồn tại và đang chứa %1; %2 không được ghi đè lên tệp này</translation>
    </message>
    <message>
        <source>%1: the folder &apos;%2&apos; does not exist</source>
        <translation>%1: thư mục &apos;%2&apos; không tồn tại</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1: không ghi được</translation>
    </message>
    <message>
        <source>cancelled; nothing was changed</source>
        <translation>đã hủy; không có gì thay đổi</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: không ghi được: %2</translation>
    </message>
    <message>
        <source>task %1 has no words &apos;%2&apos; after its beginning to split it at (its text: &apos;%3…&apos;)</source>
        <translation>nhiệm vụ %1 không có cụm từ &apos;%2&apos; sau phần đầu để tách tại đó (nội dung: &apos;%3…&apos;)</translation>
    </message>
    <message>
        <source>%1, point %2: (%3, %4) in %5 lies %6 km outside the province; are its coordinates in another CRS than %7?</source>
        <translation>%1, điểm %2: (%3; %4) theo %5 nằm ngoài tỉnh %6 km; tọa độ của điểm có phải theo một hệ tọa độ khác %7 không?</translation>
    </message>
    <message>
        <source>cannot make a folder for the sheet in %1%2</source>
        <translation>không tạo được thư mục cho tờ bản đồ trong %1%2</translation>
    </message>
    <message>
        <source>%1, point %2: pixel (%3, %4) is outside the sheet (%5 × %6 pixels at %7 dpi)</source>
        <translation>%1, điểm %2: điểm ảnh (%3; %4) nằm ngoài tờ bản đồ (%5 × %6 điểm ảnh với độ phân giải %7 dpi)</translation>
    </message>
    <message>
        <source>%1, point %2: pixel (%3, %4) is outside the sheet (%5 × %6 pixels)</source>
        <translation>%1, điểm %2: điểm ảnh (%3; %4) nằm ngoài tờ bản đồ (%5 × %6 điểm ảnh)</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is stored in %2, not the workspace&apos;s %3: reprojected on the way in</source>
        <translation>lớp &apos;%1&apos; được lưu theo %2, không theo hệ tọa độ %3 của không gian làm việc: đã chuyển đổi khi đọc vào</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos;: %2 invalid geometry repaired for the analysis</source>
        <translation>lớp &apos;%1&apos;: đã sửa %2 hình học không hợp lệ để phân tích</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos;: %2 invalid geometries repaired for the analysis</source>
        <translation>lớp &apos;%1&apos;: đã sửa %2 hình học không hợp lệ để phân tích</translation>
    </message>
    <message>
        <source>line %1 assigns the tasks of %2, but no task stands there: kept as a task of its own</source>
        <translation>dòng %1 giao các nhiệm vụ tại %2, nhưng ở đó không có nhiệm vụ nào: giữ như một nhiệm vụ riêng</translation>
    </message>
    <message>
        <source>%1 task(s) given their lead by the assignments that name their points (lines %2); those assignments are not tasks themselves</source>
        <translation>%1 nhiệm vụ nhận cơ quan chủ trì từ các dòng phân công nêu điểm, khoản của chúng (dòng %2); các dòng phân công đó không phải là nhiệm vụ riêng</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; may be &apos;%2&apos; shortened by the DBF; it is kept as a column of its own, not as %3</source>
        <translation>cột &apos;%1&apos; có thể là &apos;%2&apos; bị DBF cắt ngắn; được giữ thành một cột riêng, không phải %3</translation>
    </message>
    <message>
        <source>%1 item(s) before &apos;%2&apos; (line %3) name nobody: read as measures the agencies carry out, kept as tasks without a lead</source>
        <translation>%1 mục trước &apos;%2&apos; (dòng %3) không nêu cơ quan nào: được đọc là giải pháp các cơ quan thực hiện, lưu như nhiệm vụ chưa có cơ quan chủ trì</translation>
    </message>
    <message>
        <source>agency not in the registry, kept as written: %1</source>
        <translation>cơ quan chưa có trong danh mục, giữ nguyên như văn bản ghi: %1</translation>
    </message>
    <message>
        <source>no tasks with an assignment were found: the document names no agency</source>
        <translation>không tìm thấy nhiệm vụ nào được giao: văn bản không nêu tên cơ quan nào</translation>
    </message>
    <message>
        <source>page %1 was recognised with low confidence (%2 %); check its tasks against the scan</source>
        <translation>trang %1 được nhận dạng với độ tin cậy thấp (%2 %); hãy đối chiếu các nhiệm vụ của trang này với bản quét</translation>
    </message>
    <message>
        <source>%1 scanned page(s) recognised by OCR</source>
        <translation>%1 trang quét được nhận dạng bằng OCR</translation>
    </message>
    <message>
        <source>%1 running header, footer or page-number line(s) left out</source>
        <translation>đã bỏ %1 dòng đầu trang, chân trang hoặc số trang</translation>
    </message>
    <message>
        <source>the image was recognised with low confidence (%1 %); check the tasks against it</source>
        <translation>ảnh được nhận dạng với độ tin cậy thấp (%1 %); hãy đối chiếu các nhiệm vụ với ảnh</translation>
    </message>
    <message>
        <source>the text is not UTF-8; it was read as Windows-1258</source>
        <translation>văn bản không phải UTF-8; đã đọc theo Windows-1258</translation>
    </message>
    <message>
        <source>%1 line(s) are not UTF-8 and were read as Windows-1258 (the first is line %2)</source>
        <translation>%1 dòng không phải UTF-8 và đã được đọc theo Windows-1258 (dòng đầu tiên là dòng %2)</translation>
    </message>
    <message>
        <source>%1 byte(s) that are not UTF-8 were replaced by � (the first on line %2)</source>
        <translation>%1 byte không phải UTF-8 đã được thay bằng � (byte đầu tiên ở dòng %2)</translation>
    </message>
    <message>
        <source>%1 control character(s) (%2 NUL) removed from the text (the first on line %3)</source>
        <translation>đã xóa %1 ký tự điều khiển (%2 NUL) khỏi văn bản (ký tự đầu tiên ở dòng %3)</translation>
    </message>
    <message>
        <source>%1 control character(s) removed from the text (the first on line %2)</source>
        <translation>đã xóa %1 ký tự điều khiển khỏi văn bản (ký tự đầu tiên ở dòng %2)</translation>
    </message>
    <message>
        <source>NUMBER_LOCALE (translate as the locale whose numbers go with this catalogue, e.g. vi_VN)</source>
        <translation>vi_VN</translation>
    </message>
    <message>
        <source>no database service &apos;%1&apos; is defined for you (in pg_service.conf); your database administrator adds it</source>
        <translation>dịch vụ cơ sở dữ liệu &apos;%1&apos; chưa được khai báo cho bạn (trong pg_service.conf); người quản trị cơ sở dữ liệu sẽ thêm dịch vụ này</translation>
    </message>
    <message>
        <source>the connection string cannot be used (%1)</source>
        <translation>không dùng được chuỗi kết nối (%1)</translation>
    </message>
    <message>
        <source>the database asks for a password and the password file (.pgpass) holds none for this connection</source>
        <translation>cơ sở dữ liệu yêu cầu mật khẩu nhưng tệp mật khẩu (.pgpass) không có mật khẩu cho kết nối này</translation>
    </message>
    <message>
        <source>the database asks role &apos;%1&apos; for a password and the password file (.pgpass) holds none for it</source>
        <translation>cơ sở dữ liệu yêu cầu mật khẩu của vai trò &apos;%1&apos; nhưng tệp mật khẩu (.pgpass) không có mật khẩu cho vai trò này</translation>
    </message>
    <message>
        <source>more than the limit of %1 bytes of text (raise it with the environment variable %2)</source>
        <translation>vượt giới hạn %1 byte chữ (nâng giới hạn bằng biến môi trường %2)</translation>
    </message>
    <message>
        <source>more than the limit of %1 cells (raise it with the environment variable %2)</source>
        <translation>vượt giới hạn %1 ô (nâng giới hạn bằng biến môi trường %2)</translation>
    </message>
    <message>
        <source>more than the limit of %1 pixels (raise it with the environment variable %2)</source>
        <translation>vượt giới hạn %1 điểm ảnh (nâng giới hạn bằng biến môi trường %2)</translation>
    </message>
    <message>
        <source>more than the limit of %1 crossings (raise it with the environment variable %2)</source>
        <translation>vượt giới hạn %1 điểm giao cắt (nâng giới hạn bằng biến môi trường %2)</translation>
    </message>
    <message>
        <source>more than the limit of %1 times the archive&apos;s size (raise it with the environment variable %2)</source>
        <translation>vượt giới hạn %1 lần kích thước tệp nén (nâng giới hạn bằng biến môi trường %2)</translation>
    </message>
    <message>
        <source>cells of %1 km over the province make about %2 cells, %3</source>
        <translation>lưới ô cạnh %1 km trên toàn tỉnh có khoảng %2 ô, %3</translation>
    </message>
    <message>
        <source>the connection to database service &apos;%1&apos; cannot be made as written (%2); check the connection, or ask your database administrator to check the service in pg_service.conf</source>
        <translation>không kết nối được tới dịch vụ cơ sở dữ liệu &apos;%1&apos; theo cách đã ghi (%2); hãy kiểm tra lại kết nối, hoặc nhờ người quản trị cơ sở dữ liệu kiểm tra khai báo dịch vụ trong pg_service.conf</translation>
    </message>
    <message>
        <source>the database server cannot be reached (%1); it may be stopped, or its address or the network to it wrong</source>
        <translation>không liên lạc được với máy chủ cơ sở dữ liệu (%1); có thể máy chủ đã dừng, hoặc địa chỉ máy chủ hay mạng tới máy chủ có vấn đề</translation>
    </message>
    <message>
        <source>the database server refused the connection of role &apos;%1&apos; (%2)</source>
        <translation>máy chủ cơ sở dữ liệu từ chối kết nối của vai trò &apos;%1&apos; (%2)</translation>
    </message>
    <message>
        <source>cannot connect to the database of service &apos;%1&apos;: %2</source>
        <translation>không kết nối được tới cơ sở dữ liệu của dịch vụ &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>%1: not a readable PDF</source>
        <translation>%1: không phải tệp PDF đọc được</translation>
    </message>
    <message>
        <source>%1: the image cannot be read</source>
        <translation>%1: không đọc được ảnh</translation>
    </message>
    <message>
        <source>no document id can be made from the document&apos;s number or its file&apos;s name; rename the file</source>
        <translation>không tạo được mã văn bản từ số hiệu văn bản hay tên tệp; hãy đổi tên tệp</translation>
    </message>
    <message>
        <source>%1: cannot be written into the workspace (%2)</source>
        <translation>%1: không ghi được vào không gian làm việc (%2)</translation>
    </message>
    <message>
        <source>cannot analyse in the database: %1</source>
        <translation>không phân tích được trong cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>the workspace is a file; only a workspace kept in PostgreSQL has a database server to do the work</source>
        <translation>không gian làm việc là một tệp; chỉ không gian làm việc lưu trong PostgreSQL mới có máy chủ cơ sở dữ liệu để thực hiện việc này</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is not a table with a geometry column</source>
        <translation>lớp &apos;%1&apos; không phải là bảng có cột hình học</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is stored in another CRS than the workspace&apos;s, and PlanAtlas reprojects it as it reads</source>
        <translation>lớp &apos;%1&apos; được lưu theo hệ tọa độ khác với hệ tọa độ của không gian làm việc, và PlanAtlas chuyển đổi hệ tọa độ khi đọc</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; has no SRID in its column&apos;s type or its shapes</source>
        <translation>lớp &apos;%1&apos; không có SRID trong kiểu cột hình học hay trong các hình</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a coordinate reference system PlanAtlas knows; write an EPSG code such as EPSG:9213</source>
        <translation>&apos;%1&apos; không phải hệ tọa độ mà PlanAtlas biết; hãy ghi mã EPSG, ví dụ EPSG:9213</translation>
    </message>
    <message>
        <source>no transformation from %1 into the workspace&apos;s %2; is the file&apos;s CRS the right one?</source>
        <translation>không có phép chuyển đổi từ %1 sang hệ tọa độ %2 của không gian làm việc; hệ tọa độ của tệp có đúng không?</translation>
    </message>
    <message>
        <source>its coordinates cannot be brought into the workspace&apos;s CRS; is the file&apos;s CRS the right one?</source>
        <translation>không chuyển được tọa độ sang hệ tọa độ của không gian làm việc; hệ tọa độ của tệp có đúng không?</translation>
    </message>
    <message>
        <source>the analysis failed in the database server: %1</source>
        <translation>phép phân tích bị lỗi trong máy chủ cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>%1: the values under a zone cannot be read</source>
        <translation>%1: không đọc được giá trị nằm dưới một vùng</translation>
    </message>
    <message>
        <source>%1: cannot be read as a raster of values</source>
        <translation>%1: không đọc được như một lớp raster giá trị</translation>
    </message>
    <message>
        <source>second-order polynomial</source>
        <translation>đa thức bậc hai</translation>
    </message>
    <message>
        <source>thin-plate spline</source>
        <translation>spline tấm mỏng (thin-plate spline)</translation>
    </message>
    <message>
        <source>affine (first-order polynomial)</source>
        <translation>affine (đa thức bậc một)</translation>
    </message>
    <message>
        <source>the %1 transformation needs at least %2 control points; %3 given</source>
        <translation>phép nắn %1 cần ít nhất %2 điểm khống chế; mới có %3 điểm</translation>
    </message>
    <message>
        <source>control point %1 has a coordinate that is not a number</source>
        <translation>điểm khống chế %1 có tọa độ không phải là số</translation>
    </message>
    <message>
        <source>control points %1 and %2 are on the same pixel of the sheet</source>
        <translation>điểm khống chế %1 và %2 nằm trên cùng một điểm ảnh của tờ bản đồ</translation>
    </message>
    <message>
        <source>control points %1 and %2 have the same map coordinates</source>
        <translation>điểm khống chế %1 và %2 có cùng tọa độ trên bản đồ</translation>
    </message>
    <message>
        <source>the control points lie on one line of the sheet; spread them over the sheet (towards its corners)</source>
        <translation>các điểm khống chế nằm trên một đường thẳng của tờ bản đồ; hãy rải các điểm khắp tờ bản đồ (về phía các góc)</translation>
    </message>
    <message>
        <source>the control points&apos; map coordinates lie on one line; spread them over the sheet (towards its corners)</source>
        <translation>tọa độ bản đồ của các điểm khống chế nằm trên một đường thẳng; hãy rải các điểm khắp tờ bản đồ (về phía các góc)</translation>
    </message>
    <message>
        <source>the control points&apos; layout cannot fix the transformation; spread them over the sheet (towards its corners)</source>
        <translation>cách bố trí các điểm khống chế không xác định được phép nắn; hãy rải các điểm khắp tờ bản đồ (về phía các góc)</translation>
    </message>
    <message>
        <source>%1: a PDF page is drawn at 10 to 1200 dpi; %2 asked</source>
        <translation>%1: trang PDF được vẽ ở độ phân giải từ 10 đến 1.200 dpi; đã chọn %2 dpi</translation>
    </message>
    <message>
        <source>%1: the PDF has %2 page(s); page %3 asked</source>
        <translation>%1: tệp PDF có %2 trang; không có trang %3</translation>
    </message>
    <message>
        <source>%1: only a PDF has pages</source>
        <translation>%1: chỉ tệp PDF mới có trang để chọn</translation>
    </message>
    <message>
        <source>%1: not an image GDAL reads</source>
        <translation>%1: không phải tệp ảnh mà GDAL đọc được</translation>
    </message>
    <message>
        <source>%1: the file has no image band</source>
        <translation>%1: tệp không có kênh ảnh nào</translation>
    </message>
    <message>
        <source>%1: the sheet carries no georeferencing of its own; give control points</source>
        <translation>%1: tờ bản đồ không mang sẵn thông tin nắn; hãy đặt các điểm khống chế</translation>
    </message>
    <message>
        <source>%1: the sheet is georeferenced but declares no coordinate reference system (never guessed)</source>
        <translation>%1: tờ bản đồ đã được nắn nhưng không ghi hệ tọa độ (PlanAtlas không đoán hệ tọa độ)</translation>
    </message>
    <message>
        <source>%1: band %2 holds %3 pixels; a map sheet is read as an 8-bit image (save it as one)</source>
        <translation>%1: kênh %2 chứa điểm ảnh kiểu %3; tờ bản đồ được đọc như ảnh 8 bit (hãy lưu lại thành ảnh 8 bit)</translation>
    </message>
    <message>
        <source>the %1 transformation cannot be fitted to the control points</source>
        <translation>không khớp được phép nắn %1 với các điểm khống chế</translation>
    </message>
    <message>
        <source>%1 cannot be read as a map sheet</source>
        <translation>không đọc được %1 như một tờ bản đồ</translation>
    </message>
    <message>
        <source>%1, point %2: (%3, %4) cannot be brought from %5 into %6</source>
        <translation>%1, điểm %2: không chuyển được (%3; %4) từ %5 sang %6</translation>
    </message>
    <message>
        <source>control points</source>
        <translation>các điểm khống chế</translation>
    </message>
    <message>
        <source>%1 cannot be placed on the map</source>
        <translation>không nắn được %1 lên bản đồ</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be closed</source>
        <translation>không đóng được &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be changed now; is another program using it?</source>
        <translation>lúc này không thay đổi được &apos;%1&apos;; có chương trình nào khác đang dùng nó không?</translation>
    </message>
    <message>
        <source>the changes cannot be written to &apos;%1&apos;; nothing of them was kept</source>
        <translation>không ghi được các thay đổi vào &apos;%1&apos;; không thay đổi nào được giữ lại</translation>
    </message>
    <message>
        <source>the sheet&apos;s own georeferencing</source>
        <translation>tọa độ sẵn có của tờ bản đồ</translation>
    </message>
    <message>
        <source>the workspaces of service &apos;%1&apos; cannot be listed</source>
        <translation>không liệt kê được các không gian làm việc của dịch vụ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no map sheet &apos;%2&apos;</source>
        <translation>&apos;%1&apos; không có bản đồ quét &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 (%2), the CRS of layer %3, is missing from the spatial_ref_sys of &apos;%4&apos;; the database&apos;s administrator adds the VN-2000 CRSs once with scripts/postgis/vn2000_spatial_ref_sys.sql</source>
        <translation>%1 (%2), hệ tọa độ của lớp %3, chưa có trong bảng spatial_ref_sys của &apos;%4&apos;; người quản trị cơ sở dữ liệu thêm các hệ tọa độ VN-2000 một lần bằng tệp scripts/postgis/vn2000_spatial_ref_sys.sql</translation>
    </message>
    <message>
        <source>&apos;%1&apos; lists map sheet %2 but has no statement that made its table</source>
        <translation>&apos;%1&apos; có ghi bản đồ quét %2 nhưng không có câu lệnh đã tạo bảng của nó</translation>
    </message>
    <message>
        <source>map sheet %1: its CRS has id %2 in the sheet and another CRS (%3) has it in the schema; place it in a GeoPackage copy of the workspace and copy that in</source>
        <translation>bản đồ quét %1: hệ tọa độ của nó mang mã %2 trong tờ bản đồ, còn trong lược đồ mã này thuộc hệ tọa độ khác (%3); hãy nắn tờ bản đồ vào một bản sao GeoPackage của không gian làm việc rồi chép bản sao đó vào</translation>
    </message>
    <message>
        <source>map sheet %1: tile %2 is not an image in hexadecimal</source>
        <translation>bản đồ quét %1: ô ảnh %2 không phải là ảnh ở dạng thập lục phân</translation>
    </message>
    <message>
        <source>map sheet %1 cannot be copied</source>
        <translation>không chép được bản đồ quét %1</translation>
    </message>
    <message>
        <source>map sheet %1 cannot be put into &apos;%2&apos;</source>
        <translation>không đưa được bản đồ quét %1 vào &apos;%2&apos;</translation>
    </message>
    <message>
        <source>map sheet %1 of &apos;%2&apos; cannot be read</source>
        <translation>không đọc được bản đồ quét %1 của &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the server counts the features of a layer chosen to count (parcels, say); the corridor of the programme&apos;s features is measured in PlanAtlas</source>
        <translation>máy chủ chỉ đếm đối tượng của một lớp được chọn để đếm (ví dụ thửa đất); hành lang của các đối tượng trong chương trình được PlanAtlas tính</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… và %1 mục khác</translation>
    </message>
    <message>
        <source>row %1 (&apos;%2&apos;)</source>
        <translation>dòng %1 (&apos;%2&apos;)</translation>
    </message>
    <message>
        <source>row %1 (coordinates that are not numbers)</source>
        <translation>dòng %1 (tọa độ không phải là số)</translation>
    </message>
    <message>
        <source>feature %1 (coordinates that are not numbers)</source>
        <translation>đối tượng số %1 (tọa độ không phải là số)</translation>
    </message>
    <message>
        <source>feature %1: code &apos;%2&apos; holds &apos;;&apos; or &apos;,&apos;, which separate codes in review files</source>
        <translation>đối tượng số %1: mã &apos;%2&apos; chứa &apos;;&apos; hoặc &apos;,&apos;, là dấu phân cách mã trong tệp rà soát</translation>
    </message>
    <message>
        <source>feature %1: code &apos;%2&apos; is already used in the workspace</source>
        <translation>đối tượng số %1: mã &apos;%2&apos; đã được dùng trong không gian làm việc</translation>
    </message>
    <message>
        <source>features %1 and %2 share code &apos;%3&apos;</source>
        <translation>đối tượng số %1 và số %2 trùng mã &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1 of %2 rows match no feature of %3:%4</source>
        <translation>%1 trên %2 dòng không khớp với đối tượng nào của %3:%4</translation>
    </message>
    <message>
        <source>row %1 (%2 = &apos;%3&apos;)</source>
        <translation>dòng %1 (%2 = &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>%1: not a raster GDAL reads</source>
        <translation>%1: không phải ảnh raster mà GDAL đọc được</translation>
    </message>
    <message>
        <source>%1: the file has no raster band</source>
        <translation>%1: tệp không có kênh raster nào</translation>
    </message>
    <message>
        <source>%1: the raster is not georeferenced (it has no geotransform); georeference it first</source>
        <translation>%1: ảnh raster chưa được nắn (không có tham số chuyển đổi tọa độ); hãy nắn ảnh trước</translation>
    </message>
    <message>
        <source>%1: the raster is rotated; warp it north-up first</source>
        <translation>%1: ảnh raster bị xoay; hãy nắn lại cho hướng bắc lên trên trước</translation>
    </message>
    <message>
        <source>the control points&apos; layout cannot fix the transformation (GDAL: %1); spread them over the sheet (towards its corners)</source>
        <translation>cách bố trí các điểm khống chế không xác định được phép nắn (GDAL: %1); hãy rải các điểm khắp tờ bản đồ (về phía các góc)</translation>
    </message>
    <message>
        <source>%1: no transformation brings %2 into %3</source>
        <translation>%1: không có phép chuyển đổi nào từ %2 sang %3</translation>
    </message>
    <message>
        <source>cannot make %1</source>
        <translation>không tạo được %1</translation>
    </message>
    <message>
        <source>map sheet %1 cannot be kept in &apos;%2&apos;; nothing of it was kept</source>
        <translation>không lưu được bản đồ quét %1 vào &apos;%2&apos;; không phần nào của nó được giữ lại</translation>
    </message>
    <message>
        <source>the database answered, but the workspace could not be opened in it</source>
        <translation>cơ sở dữ liệu đã trả lời, nhưng không mở được không gian làm việc trong đó</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be opened as a GeoPackage workspace</source>
        <translation>không mở được &apos;%1&apos; như một không gian làm việc GeoPackage</translation>
    </message>
</context>
</TS>
