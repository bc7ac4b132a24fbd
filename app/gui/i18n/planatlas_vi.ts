<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
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
        <source>Attributes</source>
        <translation>Thuộc tính</translation>
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
</context>
<context>
    <name>pa::gui::MainWindow</name>
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
        <source>PlanAtlas — spatial analysis of provincial development programmes.

Positions drawn from plan descriptions are indicative; land prices in the sample are illustrative.</source>
        <translation>PlanAtlas — phân tích không gian các chương trình phát triển cấp tỉnh.

Vị trí vẽ theo mô tả trong kế hoạch chỉ mang tính chỉ dẫn; giá đất trong dữ liệu mẫu chỉ mang tính minh họa.</translation>
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
        <source>it has no layers yet; import some with planatlas import</source>
        <translation>chưa có lớp nào; hãy nhập dữ liệu bằng planatlas import</translation>
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
</context>
</TS>
