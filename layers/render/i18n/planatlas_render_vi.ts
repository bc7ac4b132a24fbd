<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>Map</name>
    <message>
        <source>Scale</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>N</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Development programme</source>
        <translation>Chương trình phát triển</translation>
    </message>
    <message>
        <source>province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>Location in Viet Nam</source>
        <translation>Vị trí trong Việt Nam</translation>
    </message>
    <message>
        <source>Province boundary</source>
        <translation>Ranh giới tỉnh</translation>
    </message>
    <message>
        <source>District boundary</source>
        <translation>Ranh giới huyện</translation>
    </message>
    <message>
        <source>existing</source>
        <translation>hiện có</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>quy hoạch, dự kiến</translation>
    </message>
    <message>
        <source>Indicative outline (not surveyed)</source>
        <translation>Ranh giới chỉ dẫn (không phải đo đạc)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Chú giải</translation>
    </message>
    <message>
        <source>… %1 more legend entries do not fit: enlarge the map</source>
        <translation>… còn %1 mục chú giải không đủ chỗ: hãy phóng to bản đồ</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>Hệ tọa độ</translation>
    </message>
    <message>
        <source>Made with PlanAtlas on</source>
        <translation>Lập bằng PlanAtlas ngày</translation>
    </message>
    <message>
        <source>ILLUSTRATIVE VALUES: the land prices shown are made up for demonstration, not real prices.</source>
        <translation>SỐ LIỆU MINH HỌA: giá đất trên bản đồ là số liệu minh họa, không phải giá thật.</translation>
    </message>
    <message>
        <source>INDICATIVE POSITIONS: parks, zones and routes are drawn from published names and areas, not surveyed; do not measure from this map.</source>
        <translation>VỊ TRÍ CHỈ DẪN: các khu, vùng, tuyến được vẽ theo địa danh và diện tích công bố, không phải số liệu đo đạc; không đo đạc trên bản đồ này.</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Hạn hoàn thành</translation>
    </message>
    <message>
        <source>No end date (ongoing, annual or none given)</source>
        <translation>Không có hạn cụ thể (thường xuyên, hằng năm hoặc không nêu)</translation>
    </message>
    <message>
        <source>Other features</source>
        <translation>Đối tượng khác</translation>
    </message>
    <message>
        <source>Programme features by kind</source>
        <translation>Các đối tượng của chương trình theo loại</translation>
    </message>
    <message>
        <source>Land price</source>
        <translation>Giá đất</translation>
    </message>
    <message>
        <source>Share of each unit covered by</source>
        <translation>Tỷ lệ diện tích mỗi đơn vị thuộc</translation>
    </message>
    <message>
        <source>Expressway corridor</source>
        <translation>Hành lang đường cao tốc</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Trong phạm vi</translation>
    </message>
    <message>
        <source>of an expressway</source>
        <translation>từ đường cao tốc</translation>
    </message>
    <message>
        <source>Footprint of</source>
        <translation>Địa bàn thực hiện của</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>nhiệm vụ</translation>
    </message>
    <message>
        <source>features</source>
        <translation>đối tượng</translation>
    </message>
    <message>
        <source>NO DATA: the workspace has no feature of the kind %1; every unit shows 0 %.</source>
        <translation>KHÔNG CÓ DỮ LIỆU: không gian làm việc không có đối tượng nào thuộc loại %1; mọi đơn vị đều là 0 %.</translation>
    </message>
    <message>
        <source>Map sheet</source>
        <translation>Bản đồ nền quét</translation>
    </message>
    <message>
        <source>placed by %1 control points, RMS %2 m</source>
        <translation>nắn theo %1 điểm khống chế, sai số trung phương %2 m</translation>
    </message>
    <message>
        <source>DIGITISED: %1 feature(s) traced from the map sheet «%2»; as exact as the sheet and its placing.</source>
        <translation>SỐ HÓA: %1 đối tượng được số hóa từ bản đồ quét «%2»; độ chính xác theo tờ bản đồ và việc nắn tọa độ.</translation>
    </message>
    <message>
        <source>plan tasks (continued)</source>
        <translation>nhiệm vụ của kế hoạch (tiếp theo)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>Plan tasks (%1)</source>
        <translation>Nhiệm vụ của kế hoạch (%1)</translation>
    </message>
    <message>
        <source>No programme feature reaches into this unit.</source>
        <translation>Không có đối tượng nào của chương trình nằm trong đơn vị này.</translation>
    </message>
    <message>
        <source>Inside: %1</source>
        <translation>Trong đơn vị: %1</translation>
    </message>
    <message>
        <source>No plan task is linked to this unit or to a programme feature inside it.</source>
        <translation>Chưa có nhiệm vụ nào của kế hoạch gắn với đơn vị này hay với đối tượng nào của chương trình nằm trong đó.</translation>
    </message>
    <message>
        <source>No plan task is linked to this feature yet.</source>
        <translation>Chưa có nhiệm vụ nào của kế hoạch gắn với đối tượng này.</translation>
    </message>
    <message>
        <source>due: %1</source>
        <translation>thời hạn: %1</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>Chủ trì: %1</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>chưa nêu</translation>
    </message>
    <message>
        <source>support: %1</source>
        <translation>phối hợp: %1</translation>
    </message>
    <message>
        <source>the unit itself</source>
        <translation>chính đơn vị này</translation>
    </message>
    <message>
        <source>Through: %1</source>
        <translation>Qua: %1</translation>
    </message>
    <message>
        <source>%1 more on the next page</source>
        <translation>Còn %1 nhiệm vụ ở trang sau</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>chưa có dữ liệu</translation>
    </message>
    <message>
        <source>not measurable</source>
        <translation>không đo được trên bản đồ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>surveyed</source>
        <translation>đo đạc</translation>
    </message>
    <message>
        <source>digitized</source>
        <translation>số hóa</translation>
    </message>
    <message>
        <source>indicative</source>
        <translation>chỉ dẫn</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>Báo cáo phạm vi không gian của chương trình</translation>
    </message>
    <message>
        <source>province</source>
        <translation>tỉnh</translation>
    </message>
    <message>
        <source>Prepared on</source>
        <translation>Lập ngày</translation>
    </message>
    <message>
        <source>INDICATIVE POSITIONS: parks, zones and routes are drawn from published names and areas, not surveyed; areas and distances below are indicative.</source>
        <translation>VỊ TRÍ CHỈ DẪN: các khu, vùng, tuyến được vẽ theo địa danh và diện tích công bố, không phải số liệu đo đạc; diện tích và khoảng cách dưới đây chỉ mang tính tham khảo.</translation>
    </message>
    <message>
        <source>ILLUSTRATIVE VALUES: the land prices in this report are made up for demonstration, not real prices.</source>
        <translation>SỐ LIỆU MINH HỌA: giá đất trong báo cáo là số liệu minh họa, không phải giá thật.</translation>
    </message>
    <message>
        <source>The programme at a glance</source>
        <translation>Tổng quan chương trình</translation>
    </message>
    <message>
        <source>document</source>
        <translation>văn bản</translation>
    </message>
    <message>
        <source>type</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>number</source>
        <translation>số</translation>
    </message>
    <message>
        <source>date</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>nhiệm vụ</translation>
    </message>
    <message>
        <source>with a place</source>
        <translation>có địa điểm</translation>
    </message>
    <message>
        <source>without a place</source>
        <translation>không có địa điểm</translation>
    </message>
    <message>
        <source>Plan documents</source>
        <translation>Văn bản kế hoạch</translation>
    </message>
    <message>
        <source>Tasks by document</source>
        <translation>Nhiệm vụ theo văn bản</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>features</source>
        <translation>số đối tượng</translation>
    </message>
    <message>
        <source>area (ha)</source>
        <translation>diện tích (ha)</translation>
    </message>
    <message>
        <source>length (km)</source>
        <translation>chiều dài (km)</translation>
    </message>
    <message>
        <source>Features of the programme by kind</source>
        <translation>Đối tượng của chương trình theo loại</translation>
    </message>
    <message>
        <source>Areas and lengths inside the province of the plan&apos;s period.</source>
        <translation>Diện tích, chiều dài tính trong phạm vi tỉnh của thời kỳ kế hoạch.</translation>
    </message>
    <message>
        <source>Programme area by kind (ha)</source>
        <translation>Diện tích các đối tượng theo loại (ha)</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>Bản đồ</translation>
    </message>
    <message>
        <source>Programme features</source>
        <translation>Các đối tượng của chương trình</translation>
    </message>
    <message>
        <source>Expressway corridor</source>
        <translation>Hành lang đường cao tốc</translation>
    </message>
    <message>
        <source>Share of each district&apos;s area in industrial parks</source>
        <translation>Tỷ lệ diện tích khu công nghiệp trong từng huyện</translation>
    </message>
    <message>
        <source>Land price</source>
        <translation>Giá đất</translation>
    </message>
    <message>
        <source>Coverage by unit</source>
        <translation>Phạm vi theo đơn vị hành chính</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>gap: none of this kind</source>
        <translation>chưa có đối tượng loại này</translation>
    </message>
    <message>
        <source>Tasks without a place on the map</source>
        <translation>Nhiệm vụ không gắn với địa điểm trên bản đồ</translation>
    </message>
    <message>
        <source>lead agency</source>
        <translation>cơ quan chủ trì</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>lý do</translation>
    </message>
    <message>
        <source>Show the tasks</source>
        <translation>Xem danh sách nhiệm vụ</translation>
    </message>
    <message>
        <source>Overlaps between incompatible uses</source>
        <translation>Chồng lấn giữa các mục đích sử dụng không tương thích</translation>
    </message>
    <message>
        <source>No overlaps between the kinds examined.</source>
        <translation>Không có chồng lấn giữa các loại đối tượng được xét.</translation>
    </message>
    <message>
        <source>Corridor and access</source>
        <translation>Hành lang và khả năng tiếp cận</translation>
    </message>
    <message>
        <source>of industrial land lies within</source>
        <translation>diện tích đất công nghiệp nằm trong phạm vi</translation>
    </message>
    <message>
        <source>of an expressway</source>
        <translation>từ đường cao tốc</translation>
    </message>
    <message>
        <source>to the nearest expressway (km)</source>
        <translation>đến cao tốc gần nhất (km)</translation>
    </message>
    <message>
        <source>to the provincial city (km)</source>
        <translation>đến đô thị cấp tỉnh (km)</translation>
    </message>
    <message>
        <source>Land price by park</source>
        <translation>Giá đất theo khu công nghiệp</translation>
    </message>
    <message>
        <source>mean (VND/m²)</source>
        <translation>bình quân (đ/m²)</translation>
    </message>
    <message>
        <source>min</source>
        <translation>thấp nhất</translation>
    </message>
    <message>
        <source>max</source>
        <translation>cao nhất</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>chỉ tiêu</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>kế hoạch</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>đo trên bản đồ</translation>
    </message>
    <message>
        <source>status</source>
        <translation>đánh giá</translation>
    </message>
    <message>
        <source>Data sources and quality</source>
        <translation>Nguồn dữ liệu và chất lượng</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>lớp</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>chất lượng</translation>
    </message>
    <message>
        <source>source</source>
        <translation>nguồn</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>giấy phép</translation>
    </message>
    <message>
        <source>Tables as CSV</source>
        <translation>Các bảng dạng CSV</translation>
    </message>
    <message>
        <source>This report was made by PlanAtlas from the workspace</source>
        <translation>Báo cáo do PlanAtlas lập từ cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Every number here is also in the CSV files beside this page, the same as PlanAtlas&apos;s analyses write them.</source>
        <translation>Mọi số liệu ở đây đều có trong các tệp CSV đi kèm, giống hệt kết quả các phân tích của PlanAtlas.</translation>
    </message>
    <message>
        <source>Shapes of the programme&apos;s features</source>
        <translation>Hình dạng các đối tượng của chương trình</translation>
    </message>
    <message>
        <source>%1 of %2 programme features are still indicative (drawn from names and areas, not traced from a map).</source>
        <translation>%1 trên %2 đối tượng của chương trình vẫn là vị trí chỉ dẫn (vẽ theo địa danh và diện tích, chưa số hóa từ bản đồ).</translation>
    </message>
    <message>
        <source>map sheet</source>
        <translation>bản đồ quét</translation>
    </message>
    <message>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <source>date on the sheet</source>
        <translation>ngày ghi trên tờ bản đồ</translation>
    </message>
    <message>
        <source>control points</source>
        <translation>điểm khống chế</translation>
    </message>
    <message>
        <source>RMS residual (m)</source>
        <translation>sai số trung phương (m)</translation>
    </message>
    <message>
        <source>features traced</source>
        <translation>đối tượng đã số hóa</translation>
    </message>
</context>
<context>
    <name>pa::layers</name>
    <message>
        <source>%1: an atlas is written as one .pdf file of its pages</source>
        <translation>%1: tập bản đồ được ghi thành một tệp .pdf gồm các trang</translation>
    </message>
    <message>
        <source>the workspace &apos;%1&apos; has no layers to draw; add a layer first</source>
        <translation>không gian làm việc &apos;%1&apos; chưa có lớp nào để vẽ; hãy thêm một lớp trước</translation>
    </message>
    <message>
        <source>no layer is shown; show at least one to draw the map</source>
        <translation>không có lớp nào đang hiển thị; hãy cho hiển thị ít nhất một lớp để vẽ bản đồ</translation>
    </message>
    <message>
        <source>the workspace has no layer &apos;%1&apos;</source>
        <translation>không gian làm việc không có lớp &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the workspace &apos;%1&apos; has no features to draw</source>
        <translation>không gian làm việc &apos;%1&apos; chưa có đối tượng nào để vẽ</translation>
    </message>
    <message>
        <source>the extent does not overlap the workspace&apos;s data (which spans %1, %2 – %3, %4 m in %5)</source>
        <translation>phạm vi bản đồ không chồng lên dữ liệu của không gian làm việc (dữ liệu trải từ (%1; %2) đến (%3; %4) m theo %5)</translation>
    </message>
    <message>
        <source>the map extent is empty</source>
        <translation>phạm vi bản đồ rỗng</translation>
    </message>
    <message>
        <source>%1: a map is written as a .png, .svg or .pdf file</source>
        <translation>%1: bản đồ được ghi thành tệp .png, .svg hoặc .pdf</translation>
    </message>
    <message>
        <source>the workspace has no agency named &apos;%1&apos;</source>
        <translation>không gian làm việc không có cơ quan nào tên &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the coverage theme needs a layer of units; the workspace has no districts</source>
        <translation>bản đồ tỷ lệ diện tích theo đơn vị hành chính cần một lớp đơn vị hành chính; không gian làm việc chưa có lớp huyện</translation>
    </message>
    <message>
        <source>the workspace has no task &apos;%1&apos;</source>
        <translation>không gian làm việc không có nhiệm vụ &apos;%1&apos;</translation>
    </message>
    <message>
        <source>document &apos;%1&apos; has no task in the workspace</source>
        <translation>văn bản &apos;%1&apos; không có nhiệm vụ nào trong không gian làm việc</translation>
    </message>
    <message>
        <source>%1 leads no task of the workspace</source>
        <translation>%1 không chủ trì nhiệm vụ nào của không gian làm việc</translation>
    </message>
    <message>
        <source>a map of %1 × %2 pixels is %3; give a smaller size or a lower resolution</source>
        <translation>bản đồ %1 × %2 điểm ảnh %3; hãy chọn khổ giấy nhỏ hơn hoặc độ phân giải thấp hơn</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1: không ghi được</translation>
    </message>
    <message>
        <source>map sheet &apos;%1&apos; cannot be read</source>
        <translation>không đọc được bản đồ quét &apos;%1&apos;</translation>
    </message>
</context>
</TS>
