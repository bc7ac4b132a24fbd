#include "Agencies_p.h"
#include "Paragraphs_p.h"
#include "Places_p.h"
#include "Words_p.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace pa::plan {

namespace {
// Departments were reorganised from 1 March 2025 (Nghị định 45/2025/NĐ-CP); the merged
// departments' last day is recorded as their validity end.
constexpr std::string_view kReorg2025 = "2025-02-28";
// The district level ends on 1 July 2025: its work passes to the communes and wards.
constexpr std::string_view kDistrictsAbolished = "2025-06-30";
} // namespace

const std::vector<AgencyDef>& agencyRegistry()
{
    static const std::vector<AgencyDef> registry = {
        {"so-ke-hoach-va-dau-tu",
         "Sở Kế hoạch và Đầu tư",
         "Sở KH&ĐT",
         "province",
         "so-tai-chinh",
         kReorg2025,
         {"so ke hoach va dau tu", "so kh&dt", "so khdt", "so kh va dt", "so ke hoach - dau tu"}},
        {"so-tai-chinh", "Sở Tài chính", "Sở TC", "province", "", "", {"so tai chinh"}},
        {"so-cong-thuong", "Sở Công Thương", "Sở CT", "province", "", "", {"so cong thuong"}},
        {"so-xay-dung", "Sở Xây dựng", "Sở XD", "province", "", "", {"so xay dung"}},
        {"so-giao-thong-van-tai",
         "Sở Giao thông vận tải",
         "Sở GTVT",
         "province",
         "so-xay-dung",
         kReorg2025,
         {"so giao thong van tai", "so gtvt", "so giao thong - van tai"}},
        {"so-tai-nguyen-va-moi-truong",
         "Sở Tài nguyên và Môi trường",
         "Sở TN&MT",
         "province",
         "so-nong-nghiep-va-moi-truong",
         kReorg2025,
         {"so tai nguyen va moi truong", "so tn&mt", "so tnmt"}},
        {"so-nong-nghiep-va-phat-trien-nong-thon",
         "Sở Nông nghiệp và Phát triển nông thôn",
         "Sở NN&PTNT",
         "province",
         "so-nong-nghiep-va-moi-truong",
         kReorg2025,
         {"so nong nghiep va phat trien nong thon", "so nong nghiep va ptnt", "so nn&ptnt",
          "so nnptnt"}},
        {"so-nong-nghiep-va-moi-truong",
         "Sở Nông nghiệp và Môi trường",
         "Sở NN&MT",
         "province",
         "",
         "",
         {"so nong nghiep va moi truong", "so nn&mt"}},
        {"so-khoa-hoc-va-cong-nghe",
         "Sở Khoa học và Công nghệ",
         "Sở KH&CN",
         "province",
         "",
         "",
         {"so khoa hoc va cong nghe", "so kh&cn", "so khcn"}},
        {"so-thong-tin-va-truyen-thong",
         "Sở Thông tin và Truyền thông",
         "Sở TT&TT",
         "province",
         "so-khoa-hoc-va-cong-nghe",
         kReorg2025,
         {"so thong tin va truyen thong", "so tt&tt", "so tttt"}},
        {"so-lao-dong-thuong-binh-va-xa-hoi",
         "Sở Lao động - Thương binh và Xã hội",
         "Sở LĐ-TB&XH",
         "province",
         "so-noi-vu",
         kReorg2025,
         {"so lao dong - thuong binh va xa hoi", "so lao dong thuong binh va xa hoi", "so ld-tb&xh",
          "so ldtbxh", "so lao dong, thuong binh va xa hoi"}},
        {"so-noi-vu", "Sở Nội vụ", "Sở NV", "province", "", "", {"so noi vu"}},
        {"so-tu-phap", "Sở Tư pháp", "Sở TP", "province", "", "", {"so tu phap"}},
        {"so-ngoai-vu", "Sở Ngoại vụ", "Sở NgV", "province", "", "", {"so ngoai vu"}},
        {"so-van-hoa-the-thao-va-du-lich",
         "Sở Văn hóa, Thể thao và Du lịch",
         "Sở VH,TT&DL",
         "province",
         "",
         "",
         {"so van hoa, the thao va du lich", "so van hoa the thao va du lich", "so vh,tt&dl",
          "so vhttdl"}},
        {"so-giao-duc-va-dao-tao",
         "Sở Giáo dục và Đào tạo",
         "Sở GD&ĐT",
         "province",
         "",
         "",
         {"so giao duc va dao tao", "so gd&dt", "so gddt"}},
        {"so-y-te", "Sở Y tế", "Sở YT", "province", "", "", {"so y te"}},
        {"so-du-lich", "Sở Du lịch", "", "province", "", "", {"so du lich"}},
        {"ban-dan-toc",
         "Ban Dân tộc tỉnh",
         "BDT",
         "province",
         "so-dan-toc-va-ton-giao",
         kReorg2025,
         {"ban dan toc tinh", "ban dan toc"}},
        {"so-dan-toc-va-ton-giao",
         "Sở Dân tộc và Tôn giáo",
         "",
         "province",
         "",
         "",
         {"so dan toc va ton giao"}},
        {"thanh-tra-tinh", "Thanh tra tỉnh", "", "province", "", "", {"thanh tra tinh"}},
        {"van-phong-ubnd-tinh",
         "Văn phòng UBND tỉnh",
         "VP UBND tỉnh",
         "province",
         "",
         "",
         {"van phong ubnd tinh", "van phong uy ban nhan dan tinh", "vp ubnd tinh"}},
        {"ban-quan-ly-cac-khu-cong-nghiep",
         "Ban Quản lý các khu công nghiệp tỉnh",
         "BQL các KCN",
         "province",
         "",
         "",
         {"ban quan ly cac khu cong nghiep", "bql cac kcn", "ban quan ly cac kcn"},
         false,
         true},
        {"cong-an-tinh", "Công an tỉnh", "", "province", "", "", {"cong an tinh"}},
        // The provincial party committee's bodies, which a Tỉnh ủy's programme of action
        // assigns work to ("Thành ủy" in a centrally-run city).
        {"ban-thuong-vu-tinh-uy",
         "Ban Thường vụ Tỉnh ủy",
         "BTV Tỉnh ủy",
         "province",
         "",
         "",
         {"ban thuong vu tinh uy", "ban thuong vu thanh uy", "btv tinh uy"}},
        {"van-phong-tinh-uy",
         "Văn phòng Tỉnh ủy",
         "",
         "province",
         "",
         "",
         {"van phong tinh uy", "van phong thanh uy"}},
        {"ban-to-chuc-tinh-uy",
         "Ban Tổ chức Tỉnh ủy",
         "",
         "province",
         "",
         "",
         {"ban to chuc tinh uy", "ban to chuc thanh uy"}},
        {"ban-tuyen-giao-va-dan-van-tinh-uy",
         "Ban Tuyên giáo và Dân vận Tỉnh ủy",
         "",
         "province",
         "",
         "",
         {"ban tuyen giao va dan van tinh uy", "ban tuyen giao va dan van thanh uy"}},
        {"ban-tuyen-giao-tinh-uy",
         "Ban Tuyên giáo Tỉnh ủy",
         "",
         "province",
         "",
         "",
         {"ban tuyen giao tinh uy", "ban tuyen giao thanh uy"}},
        {"ban-dan-van-tinh-uy",
         "Ban Dân vận Tỉnh ủy",
         "",
         "province",
         "",
         "",
         {"ban dan van tinh uy", "ban dan van thanh uy"}},
        {"ban-noi-chinh-tinh-uy",
         "Ban Nội chính Tỉnh ủy",
         "",
         "province",
         "",
         "",
         {"ban noi chinh tinh uy", "ban noi chinh thanh uy"}},
        {"ban-chinh-sach-chien-luoc-tinh-uy",
         "Ban Chính sách, chiến lược Tỉnh ủy",
         "",
         "province",
         "",
         "",
         {"ban chinh sach, chien luoc tinh uy", "ban chinh sach chien luoc tinh uy",
          "ban chinh sach, chien luoc thanh uy"}},
        {"uy-ban-kiem-tra-tinh-uy",
         "Ủy ban Kiểm tra Tỉnh ủy",
         "UBKT Tỉnh ủy",
         "province",
         "",
         "",
         {"uy ban kiem tra tinh uy", "uy ban kiem tra thanh uy", "ubkt tinh uy"}},
        {"ban-can-su-dang-ubnd-tinh",
         "Ban cán sự đảng UBND tỉnh",
         "",
         "province",
         "",
         "",
         {"ban can su dang ubnd tinh", "ban can su dang uy ban nhan dan tinh"}},
        {"dang-uy-ubnd-tinh",
         "Đảng ủy UBND tỉnh",
         "",
         "province",
         "",
         "",
         {"dang uy ubnd tinh", "dang uy uy ban nhan dan tinh"}},
        {"bo-chi-huy-quan-su-tinh",
         "Bộ Chỉ huy Quân sự tỉnh",
         "BCH QS tỉnh",
         "province",
         "",
         "",
         {"bo chi huy quan su tinh"}},
        {"bo-chi-huy-bo-doi-bien-phong-tinh",
         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
         "BĐBP tỉnh",
         "province",
         "",
         "",
         {"bo chi huy bo doi bien phong tinh"}},
        // The board of a province's economic zones ("… tỉnh", "… tỉnh Quảng Trị"); a board named
        // after one zone ("Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp") is its own.
        {"ban-quan-ly-khu-kinh-te-tinh",
         "Ban Quản lý Khu kinh tế tỉnh",
         "BQL KKT tỉnh",
         "province",
         "",
         "",
         {"ban quan ly khu kinh te tinh", "ban quan ly cac khu kinh te tinh", "bql kkt tinh"},
         false,
         true},
        {"trung-tam-xuc-tien-tinh",
         "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
         "",
         "province",
         "",
         "",
         {"trung tam xuc tien dau tu, thuong mai va du lich tinh",
          "trung tam xuc tien dau tu thuong mai va du lich tinh",
          "trung tam xuc tien dau tu, thuong mai, du lich tinh"},
         false,
         true},
        // A province's tax and statistics offices were reorganised in 2025: the Cục Thuế tỉnh
        // became a regional office on 1 March and "Thuế tỉnh …" on 1 July; the Cục Thống kê tỉnh
        // became "Thống kê tỉnh …" on 1 March.
        {"cuc-thue-tinh",
         "Cục Thuế tỉnh",
         "",
         "province",
         "thue-tinh",
         kReorg2025,
         {"cuc thue tinh", "cuc thue"}},
        {"thue-tinh", "Thuế tỉnh", "", "province", "", "", {"thue tinh"}},
        {"cuc-hai-quan", "Cục Hải quan", "", "province", "", "", {"cuc hai quan"}},
        {"chi-cuc-hai-quan", "Chi cục Hải quan", "", "province", "", "", {"chi cuc hai quan"}},
        {"ngan-hang-nha-nuoc-chi-nhanh-tinh",
         "Ngân hàng Nhà nước chi nhánh tỉnh",
         "NHNN chi nhánh tỉnh",
         "province",
         "",
         "",
         {"ngan hang nha nuoc chi nhanh tinh", "nhnn chi nhanh tinh", "ngan hang nha nuoc"},
         false,
         true},
        {"lien-minh-hop-tac-xa-tinh",
         "Liên minh Hợp tác xã tỉnh",
         "LMHTX tỉnh",
         "province",
         "",
         "",
         {"lien minh hop tac xa tinh", "lien minh hop tac xa"}},
        {"dai-phat-thanh-va-truyen-hinh-tinh",
         "Đài Phát thanh và Truyền hình tỉnh",
         "Đài PT-TH tỉnh",
         "province",
         "bao-va-phat-thanh-truyen-hinh-tinh",
         kReorg2025,
         {"dai phat thanh va truyen hinh tinh", "dai phat thanh - truyen hinh tinh"}},
        {"bao-tinh",
         "Báo tỉnh",
         "",
         "province",
         "bao-va-phat-thanh-truyen-hinh-tinh",
         kReorg2025,
         {"bao"},
         false,
         true},
        // The provincial newspaper and radio-television merged in 2025 in every province.
        {"bao-va-phat-thanh-truyen-hinh-tinh",
         "Báo và Phát thanh, Truyền hình tỉnh",
         "",
         "province",
         "",
         "",
         {"bao va phat thanh, truyen hinh", "bao va phat thanh truyen hinh",
          "bao va phat thanh - truyen hinh"},
         false,
         true},
        {"bao-hiem-xa-hoi-tinh",
         "Bảo hiểm xã hội tỉnh",
         "BHXH tỉnh",
         "province",
         "",
         "",
         {"bao hiem xa hoi tinh", "bhxh tinh"}},
        {"cuc-thong-ke-tinh",
         "Cục Thống kê tỉnh",
         "",
         "province",
         "thong-ke-tinh",
         kReorg2025,
         {"cuc thong ke tinh", "cuc thong ke"}},
        {"thong-ke-tinh", "Thống kê tỉnh", "", "province", "", "", {"thong ke tinh"}},
        {"thuong-truc-hdnd-tinh",
         "Thường trực HĐND tỉnh",
         "TT HĐND tỉnh",
         "province",
         "",
         "",
         {"thuong truc hoi dong nhan dan tinh", "thuong truc hdnd tinh",
          "thuong truc hoi dong nhan dan", "thuong truc hdnd"}},
        // Who monitors a resolution, in every HĐND's "Giao Thường trực HĐND, các Ban của HĐND, các
        // Tổ đại biểu và đại biểu HĐND tỉnh giám sát việc thực hiện Nghị quyết".
        {"nhom:cac-ban-hdnd",
         "Các Ban của HĐND",
         "",
         "other",
         "",
         "",
         {"cac ban cua hoi dong nhan dan", "cac ban hoi dong nhan dan", "cac ban cua hdnd",
          "cac ban hdnd"},
         true},
        {"nhom:cac-to-dai-bieu-hdnd",
         "Các Tổ đại biểu HĐND",
         "",
         "other",
         "",
         "",
         {"cac to dai bieu hoi dong nhan dan", "cac to dai bieu hdnd", "cac to dai bieu"},
         true},
        {"nhom:dai-bieu-hdnd",
         "Đại biểu HĐND",
         "",
         "other",
         "",
         "",
         {"cac dai bieu hoi dong nhan dan", "dai bieu hoi dong nhan dan", "cac dai bieu hdnd",
          "dai bieu hdnd"},
         true},
        {"hdnd-tinh", "HĐND tỉnh", "", "province", "", "", {"hoi dong nhan dan tinh", "hdnd tinh"}},
        {"ubnd-tinh", "UBND tỉnh", "", "province", "", "", {"uy ban nhan dan tinh", "ubnd tinh"}},
        // Collective groups: "all departments", "all district people's committees", …
        {"nhom:cac-so-ban-nganh",
         "Các sở, ban, ngành",
         "",
         "other",
         "",
         "",
         {"cac so, ban, nganh", "cac so, ban nganh", "cac so ban nganh", "cac so, nganh",
          "cac so nganh", "thu truong cac so, nganh", "thu truong cac so, ban, nganh",
          "cac so, ban, nganh, doan the", "cac so, co quan, ban, nganh", "cac so, co quan",
          "cac so, ban, nganh cap tinh", "giam doc cac so",
          "giam doc cac so, truong cac ban, nganh",
          "giam doc cac so, truong cac ban, nganh cap tinh",
          "giam doc cac so, thu truong cac ban, nganh"},
         true},
        {"nhom:ubnd-cac-huyen-thanh-pho",
         "UBND các huyện, thành phố",
         "",
         "other",
         "nhom:ubnd-cac-xa-phuong",
         kDistrictsAbolished,
         {"ubnd cac huyen, thanh pho, thi xa", "ubnd cac huyen, thanh pho",
          "uy ban nhan dan cac huyen, thanh pho", "chu tich ubnd cac huyen, thanh pho",
          "ubnd cap huyen", "ubnd cac huyen, thi xa, thanh pho", "uy ban nhan dan cap huyen",
          "uy ban nhan dan cac huyen, thi xa, thanh pho",
          "uy ban nhan dan cac huyen, thanh pho, thi xa", "ubnd cac huyen, thi xa",
          "uy ban nhan dan cac huyen"},
         true},
        // After 1 July 2025: every commune, ward and special zone committee, however listed.
        {"nhom:ubnd-cac-xa-phuong",
         "UBND các xã, phường",
         "",
         "other",
         "",
         "",
         {"ubnd cac xa, phuong, dac khu", "uy ban nhan dan cac xa, phuong, dac khu",
          "ubnd cac xa, phuong", "uy ban nhan dan cac xa, phuong", "ubnd cac phuong, xa",
          "uy ban nhan dan cac phuong, xa", "ubnd cap xa", "uy ban nhan dan cap xa",
          "ubnd cac xa, phuong, thi tran", "uy ban nhan dan cac xa, phuong, thi tran",
          "chu tich ubnd cac xa, phuong", "chu tich uy ban nhan dan cac xa, phuong",
          "ubnd xa, phuong", "uy ban nhan dan xa, phuong", "ubnd cac xa, phuong, dac khu"},
         true},
        {"nhom:cac-co-quan-don-vi-lien-quan",
         "Các cơ quan, đơn vị liên quan",
         "",
         "other",
         "",
         "",
         {"cac co quan, don vi co lien quan", "cac co quan, don vi lien quan",
          "cac don vi lien quan", "cac don vi co lien quan", "cac co quan lien quan",
          "cac co quan co lien quan"},
         true},
        {"nhom:cac-co-quan-don-vi-dia-phuong",
         "Các cơ quan, đơn vị, địa phương",
         "",
         "other",
         "",
         "",
         {"cac co quan, don vi, dia phuong", "cac co quan, don vi va dia phuong",
          "cac don vi, dia phuong", "cac co quan, dia phuong", "cac co quan, don vi"},
         true},
        {"nhom:cac-dia-phuong", "Các địa phương", "", "other", "", "", {"cac dia phuong"}, true},
        {"nhom:cac-doan-the",
         "Các đoàn thể",
         "",
         "other",
         "",
         "",
         {"cac doan the tinh", "cac doan the", "cac to chuc doan the"},
         true},
        {"nhom:cac-to-chuc-chinh-tri-xa-hoi",
         "Các tổ chức chính trị - xã hội",
         "",
         "other",
         "",
         "",
         {"cac to chuc chinh tri - xa hoi", "cac to chuc chinh tri xa hoi",
          "cac doan the chinh tri - xa hoi", "cac to chuc chinh tri, xa hoi",
          "cac to chuc chinh tri - xa hoi cac cap"},
         true},
        // The construction law's term for the departments that manage specialised works
        // (Xây dựng, Công Thương, Nông nghiệp và Môi trường …) in every province.
        {"nhom:cac-so-quan-ly-cong-trinh-xay-dung-chuyen-nganh",
         "Các Sở quản lý công trình xây dựng chuyên ngành",
         "",
         "other",
         "",
         "",
         {"cac so quan ly cong trinh xay dung chuyen nganh",
          "so quan ly cong trinh xay dung chuyen nganh",
          "cac so chuyen nganh quan ly cong trinh xay dung"},
         true},
        {"nhom:cac-ngan-hang-thuong-mai",
         "Các ngân hàng thương mại",
         "",
         "other",
         "",
         "",
         {"cac ngan hang thuong mai", "cac to chuc tin dung"},
         true},
    };
    return registry;
}

const AgencyDef* findAgencyDef(std::string_view id)
{
    for (const auto& def : agencyRegistry())
        if (def.id == id)
            return &def;
    return nullptr;
}

AgencyInfo toInfo(const AgencyDef& def)
{
    AgencyInfo info;
    info.id = std::string(def.id);
    info.name = std::string(def.name);
    info.abbreviation = std::string(def.abbreviation);
    info.level = std::string(def.level);
    if (const AgencyDef* successor = findAgencyDef(def.successorId)) {
        info.successor2025 = std::string(successor->name);
        info.successorId = std::string(successor->id);
    }
    info.validTo = std::string(def.validTo);
    info.collective = def.collective;
    return info;
}

bool isMunicipality(const std::string& province)
{
    const std::string f = text::foldForMatch(province);
    return f == "ha noi" || f == "hai phong" || f == "da nang" || f == "ho chi minh" ||
           f == "thanh pho ho chi minh" || f == "can tho" || f == "hue" || f == "thua thien hue";
}

bool startsUpper(std::string_view utf8)
{
    if (utf8.empty())
        return false;
    const auto c = static_cast<unsigned char>(utf8[0]);
    if (c < 0x80)
        return std::isupper(c) != 0;
    // Vietnamese capitals outside ASCII: Đ (C4 90), Ư/Ơ (C6 AF / C6 A0), Á… (C3 80–9D), Ấ… (E1
    // BA/BB even)
    const auto c1 = utf8.size() > 1 ? static_cast<unsigned char>(utf8[1]) : 0;
    if (c == 0xC3)
        return c1 < 0xA0;
    if (c == 0xC4 || c == 0xC6 || c == 0xC5)
        return (c1 % 2) == 0;
    if (c == 0xE1 && utf8.size() > 2) {
        const auto c2 = static_cast<unsigned char>(utf8[2]);
        return (c2 % 2) == 0;
    }
    return false;
}

AgencyInfo unregisteredAgency(const std::string& written)
{
    AgencyInfo info;
    // One body written two ways is one agency: case, diacritics and a trailing "tỉnh" /
    // "thành phố" do not make another ("Sở Văn hóa và Thể thao" = "Sở văn hóa và thể thao tỉnh").
    std::string key = text::slug(written, '-');
    for (std::string_view suffix : {"-tinh", "-thanh-pho"})
        if (key.size() > suffix.size() + 4 && key.ends_with(suffix))
            key.resize(key.size() - suffix.size());
    info.id = "unregistered:" + key;
    info.name = written;
    info.level = "other";
    info.registered = false;
    return info;
}

namespace {

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 ||
           c == '&';
}

/// Type words that begin the name of a public body, an association or an enterprise (folded).
/// "tinh" after "so", "ban" … is part of what follows, not a type.
constexpr std::string_view kBodyStarts[] = {"lien hiep cac hoi ",
                                            "lien hiep cac to chuc ",
                                            "lien hiep ",
                                            "ban quan ly ",
                                            "ban chi dao ",
                                            "ban chi huy ",
                                            "ban dan toc",
                                            "ban ",
                                            "so ",
                                            "cuc ",
                                            "chi cuc ",
                                            "trung tam ",
                                            "hiep hoi ",
                                            "hoi ",
                                            "lien minh ",
                                            "lien doan ",
                                            "tinh doan",
                                            "doan thanh nien",
                                            "bao ",
                                            "dai ",
                                            "truong ",
                                            "vien ",
                                            "ngan hang ",
                                            "kho bac ",
                                            "cong an ",
                                            "bo chi huy ",
                                            "van phong ",
                                            "thanh tra ",
                                            "uy ban mat tran to quoc",
                                            "cong ty ",
                                            "tong cong ty ",
                                            "tap doan ",
                                            "quy ",
                                            "thong ke ",
                                            "bao hiem xa hoi",
                                            "dien luc ",
                                            "hoi dong ",
                                            "bo ",
                                            "chi nhanh ",
                                            "hai quan ",
                                            "co quan ",
                                            "luc luong ",
                                            "to cong tac ",
                                            "doan kiem tra ",
                                            "phong ",
                                            "cang vu "};

/// Words that end a name: verbs and prepositions of the assignment sentence.
bool stopsName(std::string_view w)
{
    static const std::set<std::string_view> stops = {
        "chu",  "phoi",  "co",   "la",    "thuc",   "to",    "trien", "theo",  "tham",   "huong",
        "chi",  "kiem",  "xay",  "quan",  "bao",    "tiep",  "giai",  "chiu",  "phu",    "lam",
        "duoc", "trong", "tai",  "ve",    "de",     "khi",   "neu",   "thi",   "cua",    "voi",
        "cho",  "da",    "se",   "can",   "phai",   "day",   "tang",  "ra",    "dam",    "nghien",
        "hoan", "danh",  "van",  "tuyen", "thong",  "gui",   "nhan",  "doi",   "tren",   "nham",
        "dong", "tong",  "lap",  "tao",   "ho",     "bo",    "sau",   "truoc", "tu",     "den",
        "nay",  "do",    "ban",  "kip",   "thuong", "tap",   "nang",  "mo",    "xu",     "uu",
        "phat", "thu",   "giam", "duy",   "huy",    "trinh", "quyet", "khan",  "nghiem", "sap",
        "dieu", "chuan", "xac",  "su",    "ap",     "xem",   "nop",   "lay",   "dua",    "ket",
        "chap", "luan",  "tra",  "noi",   "o",      "va",    "hoac",  "nhung", "cac",    "mot",
        "moi",  "tat",   "toan", "cung",  "hop",    "dinh",  "thoi",  "gian",  "nao"};
    return stops.contains(w);
}

/// Administrative unit words after "UBND" / "Ủy ban nhân dân".
bool isUnitWord(std::string_view w)
{
    return w == "xa" || w == "phuong" || w == "huyen" || w == "thi" || w == "dac" || w == "cap" ||
           w == "cac" || w == "thanh";
}

/// The end of a body named by its role in a sector at folded offset @p pos ("Sở quản lý ngành,
/// lĩnh vực", "các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh", "cơ quan quản lý chuyên
/// ngành", "các Sở chuyên ngành"), or @p pos when none starts there.
std::size_t sectoralRoleAt(const std::string& f, std::size_t pos)
{
    static constexpr std::string_view kRoles[] = {"so quan ly nganh",
                                                  "co quan chuyen mon quan ly nganh",
                                                  "co quan quan ly nganh",
                                                  "co quan quan ly chuyen nganh",
                                                  "so quan ly chuyen nganh",
                                                  "so chuyen nganh",
                                                  "co quan chuyen mon thuoc uy ban nhan dan",
                                                  "co quan chuyen mon thuoc ubnd",
                                                  "co quan chuyen mon"};
    std::size_t at = pos;
    if (f.compare(at, 4, "cac ") == 0)
        at += 4;
    std::size_t end = pos;
    for (std::string_view role : kRoles)
        if (f.compare(at, role.size(), role) == 0 &&
            (at + role.size() >= f.size() || !isWordChar(f[at + role.size()]))) {
            end = at + role.size();
            break;
        }
    if (end == pos)
        return pos;
    // the qualifiers that go with it: ", lĩnh vực", "tỉnh", "cấp tỉnh", "cấp xã"
    for (std::string_view tail : {", linh vuc", " linh vuc"})
        if (f.compare(end, tail.size(), tail) == 0 &&
            (end + tail.size() >= f.size() || !isWordChar(f[end + tail.size()])))
            end += tail.size();
    if (f.compare(end, 5, " tinh") == 0 || f.compare(end, 10, " thanh pho") == 0)
        end += f.compare(end, 5, " tinh") == 0 ? 5 : 10;
    for (std::string_view level : {" cap tinh", " cap xa", " cap huyen"})
        if (f.compare(end, level.size(), level) == 0 &&
            (end + level.size() >= f.size() || !isWordChar(f[end + level.size()])))
            end += level.size();
    if (end < f.size() && isWordChar(f[end]))
        return pos; // not a word boundary
    return end;
}

} // namespace

std::vector<GrammarName> grammarAgencies(const std::string& text, const text::FoldedText& folded)
{
    const std::string& f = folded.folded;
    std::vector<GrammarName> out;
    auto wordEnd = [&](std::size_t i) {
        while (i < f.size() && f[i] != ' ' && f[i] != ',' && f[i] != ';' && f[i] != ':' &&
               f[i] != '.' && f[i] != '(' && f[i] != ')')
            ++i;
        return i;
    };
    auto source = [&](std::size_t foldedPos) {
        return std::string_view(text).substr(folded.origin[foldedPos]);
    };
    // The next word from @p i: its [begin, end) after spaces (and commas when @p commas).
    auto nextWord = [&](std::size_t i, bool commas) {
        while (i < f.size() && (f[i] == ' ' || (commas && f[i] == ',')))
            ++i;
        return std::pair{i, wordEnd(i)};
    };
    for (std::size_t pos = 0; pos < f.size(); ++pos) {
        if (pos > 0 && f[pos - 1] != ' ' && f[pos - 1] != '(' && f[pos - 1] != '"')
            continue;
        // An official heading a body is named with it: "Chủ tịch Ủy ban nhân dân các xã",
        // "Giám đốc Sở Xây dựng", "Thủ trưởng các cơ quan".
        const std::size_t begin = pos;
        for (std::string_view official :
             {"pho chu tich ", "chu tich ", "giam doc ", "thu truong ", "truong ban "})
            if (f.compare(pos, official.size(), official) == 0 && startsUpper(source(pos))) {
                pos += official.size();
                break;
            }
        const std::size_t found = out.size();
        // Bodies named by their role, whichever they are in a given case: "Sở quản lý ngành,
        // lĩnh vực", "các cơ quan chuyên môn quản lý ngành, lĩnh vực cấp tỉnh" — a group.
        if (const std::size_t roleEnd = sectoralRoleAt(f, pos); roleEnd > pos) {
            out.push_back({begin, roleEnd, true});
            pos = roleEnd;
            continue;
        }
        // "UBND xã X", "Ủy ban nhân dân các xã, phường", "UBND cấp xã" (collective when
        // "các"/"cấp").
        for (std::string_view ub : {"ubnd ", "uy ban nhan dan "}) {
            if (f.compare(pos, ub.size(), ub) != 0)
                continue;
            std::size_t at = pos + ub.size();
            std::size_t end = wordEnd(at);
            if (!isUnitWord(std::string_view(f).substr(at, end - at)) || !startsUpper(source(pos)))
                continue;
            // the unit words and names up to a verb: "các xã, phường, đặc khu", "xã Gia Thuận"
            std::size_t last = end;
            bool named = false; // a unit's name seen: "UBND huyện Phú Bình"
            for (std::size_t i = end; i < f.size() && i - pos < 80;) {
                const auto [j, e] = nextWord(i, true);
                if (e == j)
                    break;
                const std::string_view w = std::string_view(f).substr(j, e - j);
                const bool upper = startsUpper(source(j));
                const bool comma = f.find(',', i) < j;
                // "cấp" / "các" go on only before a unit word: "UBND cấp xã cấp giấy phép" ends at
                // "xã".
                if ((w == "cap" || w == "cac") && last > end) {
                    const auto [a, b] = nextWord(e, false);
                    const std::string_view n2 = std::string_view(f).substr(a, b - a);
                    if (!isUnitWord(n2) || n2 == "cap" || n2 == "cac")
                        break;
                }
                if (isUnitWord(w) || w == "khu" || w == "tran" || w == "pho" || w == "xa" ||
                    (upper && !comma)) {
                    last = e;
                    i = e;
                    named = named || upper;
                    continue;
                }
                // "UBND huyện Phú Bình và thị xã Phổ Yên": "và" joins another named unit.
                if (w == "va" && named) {
                    const auto [a, b] = nextWord(e, false);
                    const std::string_view n2 = std::string_view(f).substr(a, b - a);
                    // (a unit's name after its word: not "… và xã hội hóa")
                    std::size_t nameAt = b;
                    if (n2 == "thi" || n2 == "thanh" || n2 == "dac")
                        nameAt = nextWord(b, false).second; // "thị xã", "thành phố", "đặc khu"
                    const auto [c, d] = nextWord(nameAt, false);
                    if (isUnitWord(n2) && n2 != "cac" && n2 != "cap" && d > c &&
                        startsUpper(source(c))) {
                        i = e;
                        continue;
                    }
                }
                break;
            }
            out.push_back(
                {begin, last, f.compare(at, 4, "cac ") == 0 || f.compare(at, 4, "cap ") == 0});
            pos = last;
            break;
        }
        if (pos >= f.size())
            break;
        for (std::string_view start : kBodyStarts) {
            if (f.compare(pos, start.size(), start) != 0 || !startsUpper(source(pos)))
                continue;
            std::size_t last = pos + start.size();
            while (last > pos && f[last - 1] == ' ')
                --last;
            std::size_t i = last;
            bool previousUpper = true;
            int words = 0;
            // "Cơ quan thường trực", "cơ quan chủ trì", "cơ quan chuyên môn": roles, not bodies.
            if (start == "co quan ") {
                const std::size_t e = wordEnd(last + 1);
                const std::string_view next = std::string_view(f).substr(last + 1, e - last - 1);
                if (next == "thuong" || next == "chu" || next == "phoi" || next == "chuyen" ||
                    next == "lien" || next == "co" || next == "nha" || next == "thuc" ||
                    next == "tham" || next == "dau" || next == "quan" || next == "tiep" ||
                    next == "giai" || next == "dang" || next == "cap" || next == "duoc")
                    break;
            }
            // "Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Ban Quản lý các khu chế xuất
            // và công nghiệp", "Ban quản lý khu kinh tế": the zones it manages, in lower case.
            if (start == "ban quan ly " && f.compare(last + 1, 4, "cac ") == 0) {
                static const std::set<std::string_view> zoneWords = {
                    "cac", "khu", "cong", "nghiep", "nghe", "cao", "che", "xuat", "kinh",
                    "te",  "kcn", "kkt",  "kcx",    "ccn",  "cum", "va",  "kcnc"};
                std::size_t k = last, zoneEnd = last;
                bool sawZone = false;
                for (int n = 0; n < 16; ++n) {
                    // Zones listed with commas: "các khu công nghiệp, khu chế xuất, khu kinh tế".
                    const std::size_t after = std::min(f.find_first_not_of(", ", k), f.size());
                    const auto [a, b] = nextWord(k, sawZone && f.compare(after, 4, "khu ") == 0);
                    const std::string_view w = std::string_view(f).substr(a, b - a);
                    if (b == a || !zoneWords.contains(w))
                        break;
                    if (w == "va") { // "và" only joins another zone word
                        const auto [c, d] = nextWord(b, false);
                        const std::string_view n2 = std::string_view(f).substr(c, d - c);
                        if (n2 != "khu" && n2 != "cong" && n2 != "cum" && n2 != "che")
                            break;
                    }
                    sawZone = sawZone || w == "khu" || w == "kcn" || w == "kkt" || w == "kcx" ||
                              w == "ccn";
                    k = b;
                    if (w != "va" && w != "cac")
                        zoneEnd = b;
                }
                if (sawZone && zoneEnd > last) {
                    // the province or city after it: "tỉnh Bắc Ninh", "thành phố Hà Nội"
                    std::size_t e = zoneEnd;
                    for (int n = 0; n < 5; ++n) {
                        const auto [a, b] = nextWord(e, false);
                        const std::string_view w = std::string_view(f).substr(a, b - a);
                        if (b == a)
                            break;
                        if (w == "tinh" || w == "thanh" || (w == "pho" && n > 0) ||
                            startsUpper(source(a)))
                            e = b;
                        else
                            break;
                    }
                    out.push_back({begin, e, false});
                    pos = e;
                    break;
                }
            }
            // "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", "… dân dụng và
            // công nghiệp", "… khu vực Phổ Yên": the projects it manages, in lower case.
            if (start == "ban quan ly " && f.compare(last + 1, 6, "du an ") == 0) {
                static const std::set<std::string_view> projectWords = {
                    "du",    "an",   "dau",   "tu",    "xay",  "dung",   "cac",    "cong",
                    "trinh", "giao", "thong", "dan",   "nong", "nghiep", "va",     "phat",
                    "trien", "thon", "khu",   "vuc",   "ha",   "tang",   "ky",     "thuat",
                    "do",    "thi",  "tinh",  "thanh", "pho",  "huyen",  "chuyen", "nganh"};
                std::size_t k = last, end = last;
                for (int n = 0; n < 20; ++n) {
                    const auto [a, b] = nextWord(k, false);
                    const std::string_view w = std::string_view(f).substr(a, b - a);
                    // (Not a body that follows: "… giao thông tỉnh và UBND huyện Phú Bình".)
                    const bool anotherBody =
                        f.compare(a, 5, "ubnd ") == 0 || f.compare(a, 7, "uy ban ") == 0 ||
                        std::any_of(std::begin(kBodyStarts), std::end(kBodyStarts),
                                    [&, a = a](std::string_view s2) {
                                        return f.compare(a, s2.size(), s2) == 0;
                                    });
                    if (b == a || anotherBody ||
                        !(projectWords.contains(w) || startsUpper(source(a)) ||
                          std::isdigit(static_cast<unsigned char>(f[a]))))
                        break;
                    if (w == "va") { // "và" only before the projects' words
                        const auto [c, d] = nextWord(b, false);
                        if (d == c ||
                            !projectWords.contains(std::string_view(f).substr(c, d - c)) ||
                            startsUpper(source(c)))
                            break;
                    }
                    k = b;
                    if (w != "va" && w != "cac")
                        end = b;
                }
                out.push_back({begin, end, false});
                pos = end;
                break;
            }
            // A one-word type ("Sở", "Ban", "Hội") names a body only before a capitalised name
            // ("Ban hành …" is a verb); a longer one ("Văn phòng", "Trung tâm") may go on in lower
            // case ("Văn phòng đăng ký đất đai").
            const bool oneWord =
                start.find(' ') == start.size() - 1 || start.find(' ') == std::string_view::npos;
            {
                std::size_t j = i;
                while (j < f.size() && f[j] == ' ')
                    ++j;
                if (oneWord && (j >= f.size() || !startsUpper(source(j))))
                    break;
            }
            bool afterProvince = false;
            while (i < f.size() && words < 16) {
                auto [j, e] = nextWord(i, false);
                if (e == j && j < f.size() && f[j] == ',' && words > 0 && !afterProvince) {
                    // A name with fields listed: "Sở Văn hóa, Thể thao và Du lịch", "Trung tâm Xúc
                    // tiến Đầu tư, Thương mại và Du lịch": after the comma a capitalised field, and
                    // "và" + a capitalised field before the next comma or the end of the clause.
                    const auto [a, b] = nextWord(j + 1, false);
                    const std::size_t stop = std::min(f.find_first_of(",;:.()", a), f.size());
                    const std::size_t va = f.find(" va ", a);
                    const bool anotherBody =
                        std::any_of(std::begin(kBodyStarts), std::end(kBodyStarts),
                                    [&, a = a](std::string_view s2) {
                                        return f.compare(a, s2.size(), s2) == 0;
                                    }) ||
                        f.compare(a, 5, "ubnd ") == 0 || f.compare(a, 7, "uy ban ") == 0;
                    if (b > a && startsUpper(source(a)) && !anotherBody &&
                        va != std::string::npos && va < stop && va + 4 < f.size() &&
                        startsUpper(source(va + 4))) {
                        i = j + 1;
                        continue;
                    }
                }
                if (e == j)
                    break;
                const std::string_view w = std::string_view(f).substr(j, e - j);
                const bool upper = startsUpper(source(j));
                if (afterProvince && !upper)
                    break; // "… tỉnh chăm lo …": the name ended with the province
                if (w == "va" || w == "-") {
                    // "và" joins a name when a capitalised word follows ("Sở Văn hóa và Thể thao").
                    std::size_t k = e;
                    while (k < f.size() && f[k] == ' ')
                        ++k;
                    const bool anotherBody =
                        std::any_of(
                            std::begin(kBodyStarts), std::end(kBodyStarts),
                            [&](std::string_view b) { return f.compare(k, b.size(), b) == 0; }) ||
                        f.compare(k, 5, "ubnd ") == 0 || f.compare(k, 7, "uy ban ") == 0;
                    // "… Nghi Sơn và các khu công nghiệp", "Ban Quản lý KKT Dung Quất và các KCN
                    // Quảng Ngãi": the boards that manage zones and parks.
                    const bool abbreviated =
                        start.starts_with("ban ") &&
                        (f.compare(k, 8, "cac kcn ") == 0 || f.compare(k, 8, "cac kkt ") == 0 ||
                         f.compare(k, 8, "cac ccn ") == 0);
                    if (f.compare(k, 8, "cac khu ") == 0 || abbreviated) {
                        i = last = k + 7;
                        for (int n = 0; !abbreviated && n < 4; ++n) { // "công nghiệp", "kinh tế"
                            std::size_t a = i;
                            while (a < f.size() && f[a] == ' ')
                                ++a;
                            const std::size_t b = wordEnd(a);
                            if (b == a || stopsName(std::string_view(f).substr(a, b - a)))
                                break;
                            i = last = b;
                        }
                        previousUpper = false;
                        words += 2;
                        continue;
                    }
                    if (k < f.size() && startsUpper(source(k)) && !anotherBody) {
                        i = e;
                        previousUpper = false;
                        ++words;
                        continue;
                    }
                    break;
                }
                if (w == "tinh" || w == "thanh" || w == "pho") { // "… tỉnh", "… thành phố"
                    afterProvince = w != "thanh";
                    last = e;
                    i = e;
                    previousUpper = false;
                    ++words;
                    continue;
                }
                // A lower-case word belongs to the name after a capitalised one ("Sở Y tế") or
                // before one ("Ban Quản lý Khu kinh tế Nghi Sơn").
                auto capitalSoon = [&, e = e] {
                    std::size_t k = e;
                    for (int n = 0; n < 2; ++n) {
                        while (k < f.size() && f[k] == ' ')
                            ++k;
                        const std::size_t ke = wordEnd(k);
                        if (ke == k)
                            return false;
                        const std::string_view kw = std::string_view(f).substr(k, ke - k);
                        if (stopsName(kw) || kw == "va")
                            return false;
                        if (startsUpper(source(k)))
                            return true;
                        k = ke;
                    }
                    return false;
                };
                // A word in capitals after a name in ordinary case is the heading that follows
                // ("Ban Quản lý khu Kinh tế / PHÁT TRIỂN NGUỒN NHÂN LỰC").
                // Not an abbreviation inside the name: "Công ty TNHH MTV Môi trường …".
                const bool capitalsGoOn = [&, e = e] {
                    const auto [a, b] = nextWord(e, false);
                    return b == a || isAllUpper(std::string(
                                         source(a).substr(0, folded.origin[b] - folded.origin[a])));
                }();
                if (words > 0 && w.size() > 1 && capitalsGoOn &&
                    isAllUpper(
                        std::string(source(j).substr(0, folded.origin[e] - folded.origin[j]))) &&
                    !isAllUpper(
                        std::string(source(pos).substr(0, folded.origin[j] - folded.origin[pos]))))
                    break;
                // A field's second word that is also a verb elsewhere: "Liên đoàn Lao động", "Hội
                // Chữ thập đỏ", "Quỹ Đầu tư", "Sở Giao thông vận tải".
                const std::string_view previousWord = [&, j = j] {
                    std::size_t b = j;
                    while (b > 0 && f[b - 1] == ' ')
                        --b;
                    std::size_t a = b;
                    while (a > 0 && f[a - 1] != ' ')
                        --a;
                    return std::string_view(f).substr(a, b - a);
                }();
                static const std::set<std::pair<std::string_view, std::string_view>> compounds = {
                    {"lao", "dong"},     {"thap", "do"},  {"dau", "tu"},    {"giao", "thong"},
                    {"truyen", "thong"}, {"van", "tai"},  {"cong", "doan"}, {"thanh", "tra"},
                    {"chi", "dao"},      {"ky", "thuat"}, {"phong", "thu"}, {"dan", "su"},
                    {"cong", "trinh"},   {"do", "thi"},   {"bo", "doi"},    {"kiem", "lam"},
                    {"so", "tai"},    // "Lực lượng Kiểm lâm sở tại": the local one
                    {"thuy", "noi"}}; // "Cảng vụ Đường thủy nội địa"
                // ("đô" before "thị" too: "Công trình đô thị Huế"; "do" alone is "by".)
                const bool compound = words > 0 && (compounds.contains({previousWord, w}) ||
                                                    (w == "do" && f.compare(e, 4, " thi") == 0 &&
                                                     (e + 4 >= f.size() || !isWordChar(f[e + 4]))));
                if (upper || compound ||
                    (!stopsName(w) && (previousUpper || !oneWord || capitalSoon()))) {
                    last = e;
                    i = e;
                    previousUpper = upper;
                    ++words;
                    continue;
                }
                break;
            }
            // "Ban Chỉ huy các cấp", "Hội Nông dân các cấp": the body at every level, a group.
            {
                std::size_t k = last;
                while (k < f.size() && f[k] == ' ')
                    ++k;
                if (f.compare(k, 7, "cac cap") == 0 &&
                    (k + 7 >= f.size() || !isWordChar(f[k + 7])) && (words > 0 || !oneWord)) {
                    out.push_back({begin, k + 7, true});
                    pos = k + 7;
                    break;
                }
            }
            if (words > 0)
                out.push_back({begin, last, false});
            pos = last;
            break;
        }
        if (out.size() == found)
            pos = begin; // no body after the official's title
    }
    return out;
}

namespace {

/// The units a group of committees names after a colon: "Ủy ban nhân dân các xã: Gia Thuận, Tân
/// Điền và Tân Phú Đông" → the committee of each commune, each mention spanning its unit's name.
/// Empty when the group [begin, end) (folded) is not "UBND các <unit>:" followed by names.
std::vector<AgencyMention> namedUnits(const std::string& text, const text::FoldedText& folded,
                                      std::size_t begin, std::size_t end)
{
    const std::string& f = folded.folded;
    std::vector<AgencyMention> out;
    const std::string_view group = std::string_view(f).substr(begin, end - begin);
    bool unitGroup = false;
    for (std::string_view u : {"xa", "phuong", "huyen"})
        for (std::string_view prefix : {"ubnd cac ", "uy ban nhan dan cac "})
            unitGroup = unitGroup || (group.size() == prefix.size() + u.size() &&
                                      group.starts_with(prefix) && group.ends_with(u));
    if (!unitGroup || end + 1 >= f.size() || f[end] != ':')
        return out;
    // "Ủy ban nhân dân các xã" → "Ủy ban nhân dân xã": the group's words without its "các"
    const std::size_t cac = begin + group.rfind("cac ");
    const std::string singular =
        text.substr(folded.origin[begin], folded.origin[cac] - folded.origin[begin]) +
        text.substr(folded.origin[cac + 4], folded.origin[end] - folded.origin[cac + 4]);
    std::size_t i = end + 1;
    while (i < f.size()) {
        while (i < f.size() && f[i] == ' ')
            ++i;
        std::size_t e = i;
        while (e < f.size() && f[e] != ',' && f[e] != ';' && f[e] != '.' && f[e] != '(' &&
               f.compare(e, 4, " va ") != 0)
            ++e;
        std::size_t nameEnd = e;
        while (nameEnd > i && f[nameEnd - 1] == ' ')
            --nameEnd;
        // a proper name: every word capitalised, at most five words
        int words = 0;
        bool proper = nameEnd > i;
        for (std::size_t w = i; w < nameEnd && proper;) {
            proper = startsUpper(std::string_view(text).substr(folded.origin[w]));
            ++words;
            while (w < nameEnd && f[w] != ' ')
                ++w;
            while (w < nameEnd && f[w] == ' ')
                ++w;
        }
        if (!proper || words > 5)
            break;
        AgencyMention m;
        m.begin = folded.origin[i];
        m.end = folded.origin[nameEnd];
        m.written = singular + " " + text.substr(m.begin, m.end - m.begin);
        if (out.empty()) // the first spans the group's words too, where a list of bodies starts
            m.begin = folded.origin[begin];
        out.push_back(std::move(m));
        i = e;
        if (f.compare(i, 4, " va ") == 0)
            i += 4;
        else if (i < f.size() && f[i] == ',')
            ++i;
        else
            break;
    }
    if (out.size() < 2)
        out.clear();
    return out;
}

/// The level of the administrative unit whose words begin at folded offset @p at, and the
/// words' end: 1 a commune ("xã", "phường", "thị trấn", "đặc khu"), 2 a district ("huyện", "thị
/// xã", "thành phố"); 0 when none begins there.
std::pair<int, std::size_t> unitLevelAt(const std::string& f, std::size_t at)
{
    static constexpr std::pair<std::string_view, int> kUnits[] = {
        {"thi tran ", 1}, {"thi xa ", 2}, {"thanh pho ", 2}, {"dac khu ", 1},
        {"xa ", 1},       {"phuong ", 1}, {"huyen ", 2}};
    for (const auto& [words, level] : kUnits)
        if (f.compare(at, words.size(), words) == 0)
            return {level, at + words.size()};
    return {0, at};
}

/// The committees of several named units that one "UBND" names: "UBND huyện Phú Bình, thị xã Phổ
/// Yên", "Ủy ban nhân dân thành phố Sông Công và huyện Đại Từ" → one committee each, written with
/// the group's "UBND". A later unit of a higher level than the one before it says where they
/// are: it ends the list ("UBND xã Hà Châu, xã Nga My, huyện Phú Bình" → the two communes'), and
/// after one unit leaves it one committee ("UBND xã Phú Đô, huyện Phú Lương"). Empty when the
/// span [begin, end) (folded) names one unit.
std::vector<AgencyMention> listedCommittees(const std::string& text, const text::FoldedText& folded,
                                            std::size_t begin, std::size_t end)
{
    const std::string& f = folded.folded;
    std::vector<AgencyMention> out;
    std::size_t unit = std::string::npos;
    for (std::string_view ub : {"ubnd ", "uy ban nhan dan "})
        if (const std::size_t at = f.find(ub, begin); at < end) {
            unit = at + ub.size();
            break;
        }
    if (unit == std::string::npos)
        return out;
    const std::string prefix =
        text.substr(folded.origin[begin], folded.origin[unit] - folded.origin[begin]);
    int previousLevel = 0;
    for (std::size_t i = unit; i < end;) {
        const auto [level, nameAt] = unitLevelAt(f, i);
        if (level == 0 || nameAt >= end ||
            !startsUpper(std::string_view(text).substr(folded.origin[nameAt])))
            return {};
        // A higher level after a list says where the list's units are: "UBND xã Hà Châu, xã
        // Nga My, huyện Phú Bình" (one unit so qualified is one committee).
        if (previousLevel != 0 && level > previousLevel) {
            if (out.size() < 2)
                return {};
            break;
        }
        previousLevel = level;
        // the name runs to the next ", " or " và " before another unit, or to the end
        std::size_t next = end, nameEnd = end;
        for (std::size_t k = nameAt; k < end; ++k) {
            std::size_t after = 0;
            if (f.compare(k, 2, ", ") == 0)
                after = k + 2;
            else if (f.compare(k, 4, " va ") == 0)
                after = k + 4;
            if (after != 0 && unitLevelAt(f, after).first != 0) {
                nameEnd = k;
                next = after;
                break;
            }
        }
        AgencyMention m;
        m.begin = folded.origin[out.empty() ? begin : i];
        m.end = folded.origin[nameEnd];
        m.written = prefix + text.substr(folded.origin[i], m.end - folded.origin[i]);
        out.push_back(std::move(m));
        i = next;
    }
    if (out.size() < 2)
        out.clear();
    return out;
}

} // namespace

std::vector<std::pair<std::size_t, std::size_t>>
boardNames(const std::string& text, const text::FoldedText& folded, const std::string& province)
{
    const std::string& f = folded.folded;
    // A board of zones: "Ban Quản lý …" with a zone's word in its name ("Ban quản lý di tích ATK
    // Định Hóa" too; not "Ban quản lý dự án huyện Đại Từ", whose unit bounds what the task does).
    auto board = [&](std::size_t foldedBegin, std::size_t foldedEnd) {
        if (f.compare(foldedBegin, 12, "ban quan ly ") != 0 &&
            f.compare(foldedBegin, 4, "bql ") != 0)
            return false;
        for (std::size_t p = foldedBegin; p < foldedEnd;) {
            const std::size_t e = std::min(f.find_first_of(" ,;:.()", p), foldedEnd);
            const std::string_view w = std::string_view(f).substr(p, e - p);
            if (w == "khu" || w == "kcn" || w == "kkt" || w == "ccn" || w == "kcx" || w == "cum" ||
                w == "kcnc" || w == "tich" || w == "vuon" || w == "rung" || w == "cang")
                return true; // (also the boards of a site, a park, a forest, a port)
            p = e + 1;
        }
        return false;
    };
    // (Where the name read stops before a capitalised one, "Ban quản lý di tích" / "ATK Định
    // Hóa", the board's name goes on over it.)
    auto through = [&](std::size_t foldedEnd) {
        std::size_t e = foldedEnd;
        for (;;) {
            std::size_t a = e;
            while (a < f.size() && f[a] == ' ')
                ++a;
            std::size_t b = a;
            while (b < f.size() && f[b] != ' ' && f[b] != ',' && f[b] != ';' && f[b] != '.' &&
                   f[b] != ':' && f[b] != '(')
                ++b;
            if (b == a || !startsUpper(text.substr(folded.origin[a])))
                return folded.origin[std::min(e, f.size())];
            e = b;
        }
    };
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const auto& m : findAgencies(text, folded, province))
        if (const std::size_t b = folded.foldedAt(m.begin), e = folded.foldedAt(m.end); board(b, e))
            out.emplace_back(m.begin, through(e));
    for (const auto& g : grammarAgencies(text, folded))
        if (const std::size_t e = std::min(g.end, f.size()); board(g.begin, e))
            out.emplace_back(folded.origin[g.begin], through(e));
    return out;
}

bool withinAny(const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t at)
{
    return std::any_of(spans.begin(), spans.end(),
                       [&](const auto& s) { return s.first <= at && at < s.second; });
}

namespace {

/// Whether @p word is written in capitals throughout, two letters or more: "KCN", "KKT".
bool abbreviation(const std::string& word)
{
    std::size_t letters = 0;
    for (std::size_t i = 0; i < word.size();) {
        UChar32 c = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, word.size(), c);
        if (u_isalpha(c) && !u_isupper(c))
            return false;
        letters += u_isalpha(c) ? 1 : 0;
    }
    return letters >= 2;
}

} // namespace

bool continuesName(const std::string& text, const text::FoldedText& folded, std::size_t p)
{
    const std::string& F = folded.folded;
    std::size_t w = p;
    while (w > 0 && F[w - 1] == ' ')
        --w;
    if (inCapitals(text) || w == p || w == 0 || !wordChar(F[w - 1]) ||
        !typeWordBefore(F, p).empty())
        return false;
    std::size_t b = w;
    while (b > 0 && wordChar(F[b - 1]))
        --b;
    // (A type word's letters, "KCN Yên Bình", begin no name.)
    const std::string word = text.substr(folded.origin[b], folded.origin[w] - folded.origin[b]);
    return capitalOrDigitAt(word) && !abbreviation(word);
}

std::size_t namedOutsideBoards(const std::string& text, const text::FoldedText& folded,
                               const std::vector<std::pair<std::size_t, std::size_t>>& boards,
                               const PlaceMention& m)
{
    std::size_t at = m.offset != std::string::npos ? m.offset : text.find(m.text);
    if (at == std::string::npos)
        return 0;
    const std::string words = text::foldForMatch(m.name); // "KKT …" or "Khu kinh tế …"
    const std::string& F = folded.folded;
    // (Not the end of a longer name, "Phú Yên" of "KKT Nam Phú Yên", nor a place of another
    // kind: "Dung Quất" of "Khu công nghiệp Dung Quất phía Đông" for a board's "KKT Dung Quất".)
    auto elsewhere = [&](std::size_t p) {
        const std::string_view kind = typeWordBefore(F, p);
        return kind.empty() ? continuesName(text, folded, p) : kindFit(m.type, kind) < 1.0;
    };
    while (at != std::string::npos && withinAny(boards, at)) {
        std::size_t next = words.empty()
                               ? std::string::npos
                               : findWords(F, words, folded.foldedAt(at + m.text.size())); // past
        while (next != std::string::npos && elsewhere(next))
            next = findWords(F, words, next + 1);
        at = next == std::string::npos ? std::string::npos : folded.origin[next];
    }
    return at;
}

std::vector<AgencyMention> findAgencies(const std::string& text, const text::FoldedText& folded,
                                        const std::string& province)
{
    const std::string& f = folded.folded;
    const std::string provinceFolded =
        province.empty() ? std::string() : text::foldForMatch(province);
    struct Candidate
    {
        std::size_t begin, end; // folded offsets
        const AgencyDef* def;
        bool collective = false;
    };
    std::vector<Candidate> candidates;
    const bool municipal = isMunicipality(province);
    for (const auto& def : agencyRegistry()) {
        std::vector<std::string> patterns(def.patterns.begin(), def.patterns.end());
        // In a centrally-run city the province's bodies are the city's: "UBND Thành phố", "Công
        // an thành phố", "Ủy ban MTTQ Việt Nam Thành phố".
        if (municipal)
            for (std::string_view pattern : def.patterns)
                if (pattern.ends_with(" tinh"))
                    patterns.push_back(std::string(pattern.substr(0, pattern.size() - 5)) +
                                       " thanh pho");
        for (const std::string& pattern : patterns) {
            for (std::size_t pos = f.find(pattern); pos != std::string::npos;
                 pos = f.find(pattern, pos + 1)) {
                const std::size_t end = pos + pattern.size();
                if ((pos > 0 && isWordChar(f[pos - 1])) || (end < f.size() && isWordChar(f[end])))
                    continue;
                std::size_t extended = end;
                if (def.takesProvinceName) {
                    // "… tỉnh Thái Nguyên", "… Thái Nguyên"
                    std::size_t at = extended;
                    if (f.compare(at, 5, " tinh") == 0)
                        at += 5;
                    if (!provinceFolded.empty() &&
                        f.compare(at, provinceFolded.size() + 1, " " + provinceFolded) == 0)
                        extended = at + provinceFolded.size() + 1;
                    else if (at != extended && (at >= f.size() || !isWordChar(f[at])))
                        extended = at;
                    if (def.id == "bao-tinh" && extended == end)
                        continue; // a bare "báo" is the verb "report"
                } else if (municipal && !provinceFolded.empty() &&
                           std::string_view(pattern).ends_with(" thanh pho") &&
                           f.compare(extended, provinceFolded.size() + 1, " " + provinceFolded) ==
                               0) {
                    extended += provinceFolded.size() + 1; // "Ủy ban nhân dân thành phố Hà Nội"
                } else if (f.compare(extended, 5, " tinh") == 0 &&
                           (extended + 5 >= f.size() || !isWordChar(f[extended + 5])) &&
                           std::string_view(def.name).ends_with("tỉnh") &&
                           !std::string_view(pattern).ends_with("tinh")) {
                    extended += 5;
                } else if (def.collective && f.compare(extended, 10, " thanh pho") == 0 &&
                           (extended + 10 >= f.size() || !isWordChar(f[extended + 10]))) {
                    extended += 10; // "Các Sở … chuyên ngành Thành phố": the city's, as "tỉnh"
                }
                // "Chủ tịch UBND cấp xã", "Giám đốc Sở Xây dựng": the official speaks for the body.
                std::size_t begin = pos;
                for (std::string_view official :
                     {"pho chu tich ", "chu tich ", "giam doc ", "thu truong ", "truong ban "})
                    if (begin >= official.size() &&
                        f.compare(begin - official.size(), official.size(), official) == 0 &&
                        (begin == official.size() || !isWordChar(f[begin - official.size() - 1]))) {
                        begin -= official.size();
                        break;
                    }
                candidates.push_back({begin, extended, &def, def.collective});
            }
        }
    }
    // Departments listed after one "Sở": "các Sở: Xây dựng, Tài chính, Nội vụ", "Sở Tài chính,
    // Xây dựng và Công Thương" — each field a department of the registry.
    for (std::size_t pos = f.find("so"); pos != std::string::npos; pos = f.find("so", pos + 2)) {
        if ((pos > 0 && isWordChar(f[pos - 1])) || (pos + 2 < f.size() && isWordChar(f[pos + 2])))
            continue;
        const bool listed = pos >= 4 && f.compare(pos - 4, 4, "cac ") == 0;
        if (!listed && !startsUpper(std::string_view(text).substr(folded.origin[pos])))
            continue;
        std::size_t i = pos + 2;
        if (i < f.size() && f[i] == ':')
            ++i;
        for (int item = 0; item < 12 && i < f.size(); ++item) {
            while (i < f.size() && f[i] == ' ')
                ++i;
            // the item runs to the next comma, semicolon, full stop, bracket or "và"
            std::size_t end = i;
            while (end < f.size() && f[end] != ',' && f[end] != ';' && f[end] != '.' &&
                   f[end] != ')' && f[end] != '(' && f[end] != ':' &&
                   !(f.compare(end, 4, " va ") == 0 && item > 0))
                ++end;
            const AgencyDef* def = nullptr;
            std::size_t matchedEnd = i;
            for (const auto& d : agencyRegistry()) {
                if (d.collective || !d.id.starts_with("so-"))
                    continue;
                for (std::string_view pattern : d.patterns) {
                    if (!pattern.starts_with("so ") || pattern.size() - 3 > end - i)
                        continue;
                    const std::string_view field = pattern.substr(3);
                    if (f.compare(i, field.size(), field) == 0 &&
                        (i + field.size() >= f.size() || !isWordChar(f[i + field.size()])) &&
                        field.size() > matchedEnd - i) {
                        def = &d;
                        matchedEnd = i + field.size();
                    }
                }
            }
            if (!def)
                break;
            if (item > 0)
                candidates.push_back({i, matchedEnd, def, false});
            else if (listed) // the first takes "các Sở:" with it
                candidates.push_back({pos - 4, matchedEnd, def, false});
            i = matchedEnd;
            if (f.compare(i, 2, ", ") == 0)
                i += 2;
            else if (f.compare(i, 4, " va ") == 0)
                i += 4;
            else
                break;
        }
    }
    // Bodies outside the registry, recognised by the grammar of their names: a type word
    // ("Sở", "Ban Quản lý", "Trung tâm", "Hội", "Công ty", "UBND xã" …) followed by the name's
    // capitalised words ("Sở Văn hóa và Thể thao", "Chi cục Hải quan khu vực V").
    // A registered name wins over any grammar reading that overlaps it.
    // Overlaps are looked up in sorted intervals, not against every candidate: a paragraph of
    // megabytes with a hundred thousand mentions stays near-linear.
    std::vector<std::pair<std::size_t, std::size_t>> registered; // (begin, end) by begin
    for (const auto& c : candidates)
        registered.emplace_back(c.begin, c.end);
    std::sort(registered.begin(), registered.end());
    std::vector<std::size_t> furthestEnd(registered.size()); // max end of registered[0..i]
    for (std::size_t i = 0; i < registered.size(); ++i)
        furthestEnd[i] = std::max(registered[i].second, i ? furthestEnd[i - 1] : 0);
    auto overlapsRegistered = [&](std::size_t begin, std::size_t end) {
        const auto before = static_cast<std::size_t>(
            std::lower_bound(registered.begin(), registered.end(), std::pair{end, std::size_t{0}}) -
            registered.begin()); // those that begin before @p end
        return before > 0 && furthestEnd[before - 1] > begin;
    };
    for (const auto& g : grammarAgencies(text, folded))
        if (!overlapsRegistered(g.begin, g.end))
            candidates.push_back({g.begin, g.end, nullptr, g.collective});
    // Longest match wins where matches overlap.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.end - a.begin != b.end - b.begin)
            return a.end - a.begin > b.end - b.begin;
        if (a.begin != b.begin)
            return a.begin < b.begin;
        return a.def != nullptr && b.def == nullptr;
    });
    std::vector<Candidate> chosen;
    std::map<std::size_t, std::size_t> taken; // begin → end of the chosen, which never overlap
    for (const auto& c : candidates) {
        // The chosen interval that begins last before c ends is the only one that can reach it.
        auto after = taken.lower_bound(c.end);
        if (after != taken.begin() && std::prev(after)->second > c.begin)
            continue;
        taken.emplace(c.begin, c.end);
        chosen.push_back(c);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    std::vector<AgencyMention> mentions;
    for (const auto& c : chosen) {
        AgencyMention m;
        m.begin = folded.origin[c.begin];
        m.end = folded.origin[c.end];
        m.def = c.def;
        m.collective = c.collective;
        m.written = text.substr(m.begin, m.end - m.begin);
        while (!m.written.empty() && (m.written.back() == ' ' || m.written.back() == ','))
            m.written.pop_back();
        // "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông": the committee of each
        // commune named, not the group.
        if (!m.def) {
            auto named = m.collective ? namedUnits(text, folded, c.begin, c.end)
                                      : listedCommittees(text, folded, c.begin, c.end);
            if (!named.empty()) {
                for (auto& n : named)
                    mentions.push_back(std::move(n));
                continue;
            }
        }
        mentions.push_back(std::move(m));
    }
    return mentions;
}

} // namespace pa::plan
