#include "Agencies_p.h"

#include <algorithm>
#include <cctype>

namespace pa::plan {

namespace {
// Departments were reorganised from 1 March 2025 (Nghị định 45/2025/NĐ-CP); the merged
// departments' last day is recorded as their validity end.
constexpr std::string_view kReorg2025 = "2025-02-28";
} // namespace

const std::vector<AgencyDef>& agencyRegistry()
{
    static const std::vector<AgencyDef> registry = {
        {"so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "province", "so-tai-chinh", kReorg2025,
         {"so ke hoach va dau tu", "so kh&dt", "so khdt", "so kh va dt", "so ke hoach - dau tu"}},
        {"so-tai-chinh", "Sở Tài chính", "Sở TC", "province", "", "", {"so tai chinh"}},
        {"so-cong-thuong", "Sở Công Thương", "Sở CT", "province", "", "", {"so cong thuong"}},
        {"so-xay-dung", "Sở Xây dựng", "Sở XD", "province", "", "", {"so xay dung"}},
        {"so-giao-thong-van-tai", "Sở Giao thông vận tải", "Sở GTVT", "province", "so-xay-dung", kReorg2025,
         {"so giao thong van tai", "so gtvt", "so giao thong - van tai"}},
        {"so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường", "Sở TN&MT", "province",
         "so-nong-nghiep-va-moi-truong", kReorg2025, {"so tai nguyen va moi truong", "so tn&mt", "so tnmt"}},
        {"so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT",
         "province", "so-nong-nghiep-va-moi-truong", kReorg2025,
         {"so nong nghiep va phat trien nong thon", "so nong nghiep va ptnt", "so nn&ptnt", "so nnptnt"}},
        {"so-nong-nghiep-va-moi-truong", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", "province", "", "",
         {"so nong nghiep va moi truong", "so nn&mt"}},
        {"so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", "Sở KH&CN", "province", "", "",
         {"so khoa hoc va cong nghe", "so kh&cn", "so khcn"}},
        {"so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông", "Sở TT&TT", "province",
         "so-khoa-hoc-va-cong-nghe", kReorg2025, {"so thong tin va truyen thong", "so tt&tt", "so tttt"}},
        {"so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "province",
         "so-noi-vu", kReorg2025,
         {"so lao dong - thuong binh va xa hoi", "so lao dong thuong binh va xa hoi", "so ld-tb&xh",
          "so ldtbxh", "so lao dong, thuong binh va xa hoi"}},
        {"so-noi-vu", "Sở Nội vụ", "Sở NV", "province", "", "", {"so noi vu"}},
        {"so-tu-phap", "Sở Tư pháp", "Sở TP", "province", "", "", {"so tu phap"}},
        {"so-ngoai-vu", "Sở Ngoại vụ", "Sở NgV", "province", "", "", {"so ngoai vu"}},
        {"so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "Sở VH,TT&DL", "province", "", "",
         {"so van hoa, the thao va du lich", "so van hoa the thao va du lich", "so vh,tt&dl", "so vhttdl"}},
        {"so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "province", "", "",
         {"so giao duc va dao tao", "so gd&dt", "so gddt"}},
        {"so-y-te", "Sở Y tế", "Sở YT", "province", "", "", {"so y te"}},
        {"so-du-lich", "Sở Du lịch", "", "province", "", "", {"so du lich"}},
        {"ban-dan-toc", "Ban Dân tộc tỉnh", "BDT", "province", "so-dan-toc-va-ton-giao", kReorg2025,
         {"ban dan toc tinh", "ban dan toc"}},
        {"so-dan-toc-va-ton-giao", "Sở Dân tộc và Tôn giáo", "", "province", "", "", {"so dan toc va ton giao"}},
        {"thanh-tra-tinh", "Thanh tra tỉnh", "", "province", "", "", {"thanh tra tinh"}},
        {"van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "VP UBND tỉnh", "province", "", "",
         {"van phong ubnd tinh", "van phong uy ban nhan dan tinh", "vp ubnd tinh"}},
        {"ban-quan-ly-cac-khu-cong-nghiep", "Ban Quản lý các khu công nghiệp tỉnh", "BQL các KCN", "province", "",
         "", {"ban quan ly cac khu cong nghiep", "bql cac kcn", "ban quan ly cac kcn"}, false, true},
        {"cong-an-tinh", "Công an tỉnh", "", "province", "", "", {"cong an tinh"}},
        {"bo-chi-huy-quan-su-tinh", "Bộ Chỉ huy Quân sự tỉnh", "BCH QS tỉnh", "province", "", "",
         {"bo chi huy quan su tinh"}},
        {"cuc-thue-tinh", "Cục Thuế tỉnh", "", "province", "", "", {"cuc thue tinh", "cuc thue"}},
        {"cuc-hai-quan", "Cục Hải quan", "", "province", "", "", {"cuc hai quan"}},
        {"chi-cuc-hai-quan", "Chi cục Hải quan", "", "province", "", "", {"chi cuc hai quan"}},
        {"ngan-hang-nha-nuoc-chi-nhanh-tinh", "Ngân hàng Nhà nước chi nhánh tỉnh", "NHNN chi nhánh tỉnh",
         "province", "", "", {"ngan hang nha nuoc chi nhanh tinh", "nhnn chi nhanh tinh", "ngan hang nha nuoc"}, false,
         true},
        {"lien-minh-hop-tac-xa-tinh", "Liên minh Hợp tác xã tỉnh", "LMHTX tỉnh", "province", "", "",
         {"lien minh hop tac xa tinh", "lien minh hop tac xa"}},
        {"dai-phat-thanh-va-truyen-hinh-tinh", "Đài Phát thanh và Truyền hình tỉnh", "Đài PT-TH tỉnh", "province",
         "", "", {"dai phat thanh va truyen hinh tinh", "dai phat thanh - truyen hinh tinh"}},
        {"bao-tinh", "Báo tỉnh", "", "province", "", "", {"bao"}, false, true},
        {"bao-hiem-xa-hoi-tinh", "Bảo hiểm xã hội tỉnh", "BHXH tỉnh", "province", "", "",
         {"bao hiem xa hoi tinh", "bhxh tinh"}},
        {"cuc-thong-ke-tinh", "Cục Thống kê tỉnh", "", "province", "", "", {"cuc thong ke tinh", "cuc thong ke"}},
        {"thuong-truc-hdnd-tinh", "Thường trực HĐND tỉnh", "TT HĐND tỉnh", "province", "", "",
         {"thuong truc hoi dong nhan dan tinh", "thuong truc hdnd tinh"}},
        {"hdnd-tinh", "HĐND tỉnh", "", "province", "", "", {"hoi dong nhan dan tinh", "hdnd tinh"}},
        {"ubnd-tinh", "UBND tỉnh", "", "province", "", "", {"uy ban nhan dan tinh", "ubnd tinh"}},
        // Collective groups: "all departments", "all district people's committees", …
        {"nhom:cac-so-ban-nganh", "Các sở, ban, ngành", "", "other", "", "",
         {"cac so, ban, nganh", "cac so, ban nganh", "cac so ban nganh", "cac so, nganh", "cac so nganh",
          "thu truong cac so, nganh", "thu truong cac so, ban, nganh", "cac so, ban, nganh, doan the"},
         true},
        {"nhom:ubnd-cac-huyen-thanh-pho", "UBND các huyện, thành phố", "", "other", "", "",
         {"ubnd cac huyen, thanh pho, thi xa", "ubnd cac huyen, thanh pho", "uy ban nhan dan cac huyen, thanh pho",
          "chu tich ubnd cac huyen, thanh pho", "ubnd cap huyen", "ubnd cac huyen, thi xa, thanh pho"},
         true},
        {"nhom:cac-co-quan-don-vi-lien-quan", "Các cơ quan, đơn vị liên quan", "", "other", "", "",
         {"cac co quan, don vi co lien quan", "cac co quan, don vi lien quan", "cac don vi lien quan",
          "cac don vi co lien quan", "cac co quan lien quan", "cac co quan co lien quan"},
         true},
        {"nhom:cac-dia-phuong", "Các địa phương", "", "other", "", "", {"cac dia phuong"}, true},
        {"nhom:cac-ngan-hang-thuong-mai", "Các ngân hàng thương mại", "", "other", "", "",
         {"cac ngan hang thuong mai", "cac to chuc tin dung"}, true},
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

AgencyInfo unregisteredAgency(const std::string& written)
{
    AgencyInfo info;
    info.id = "unregistered:" + text::slug(written, '-');
    info.name = written;
    info.level = "other";
    info.registered = false;
    return info;
}

namespace {

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 || c == '&';
}

} // namespace

std::vector<AgencyMention> findAgencies(const std::string& text, const text::FoldedText& folded,
                                        const std::string& province)
{
    const std::string& f = folded.folded;
    const std::string provinceFolded = province.empty() ? std::string() : text::foldForMatch(province);
    struct Candidate
    {
        std::size_t begin, end; // folded offsets
        const AgencyDef* def;
    };
    std::vector<Candidate> candidates;
    for (const auto& def : agencyRegistry()) {
        for (std::string_view pattern : def.patterns) {
            for (std::size_t pos = f.find(pattern); pos != std::string::npos; pos = f.find(pattern, pos + 1)) {
                const std::size_t end = pos + pattern.size();
                if ((pos > 0 && isWordChar(f[pos - 1])) || (end < f.size() && isWordChar(f[end])))
                    continue;
                std::size_t extended = end;
                if (def.takesProvinceName) {
                    // "… tỉnh Thái Nguyên", "… Thái Nguyên"
                    std::size_t at = extended;
                    if (f.compare(at, 5, " tinh") == 0)
                        at += 5;
                    if (!provinceFolded.empty() && f.compare(at, provinceFolded.size() + 1, " " + provinceFolded) == 0)
                        extended = at + provinceFolded.size() + 1;
                    else if (at != extended && (at >= f.size() || !isWordChar(f[at])))
                        extended = at;
                    if (def.id == "bao-tinh" && extended == end)
                        continue; // a bare "báo" is the verb "report"
                } else if (f.compare(extended, 5, " tinh") == 0 &&
                           (extended + 5 >= f.size() || !isWordChar(f[extended + 5])) &&
                           std::string_view(def.name).ends_with("tỉnh") && !std::string_view(pattern).ends_with("tinh")) {
                    extended += 5;
                }
                candidates.push_back({pos, extended, &def});
            }
        }
    }
    // Longest match wins where matches overlap.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.end - a.begin != b.end - b.begin)
            return a.end - a.begin > b.end - b.begin;
        return a.begin < b.begin;
    });
    std::vector<Candidate> chosen;
    for (const auto& c : candidates) {
        const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const Candidate& o) {
            return c.begin < o.end && o.begin < c.end;
        });
        if (!overlaps)
            chosen.push_back(c);
    }
    std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    std::vector<AgencyMention> mentions;
    for (const auto& c : chosen) {
        AgencyMention m;
        m.begin = folded.origin[c.begin];
        m.end = folded.origin[c.end];
        m.def = c.def;
        m.written = text.substr(m.begin, m.end - m.begin);
        mentions.push_back(std::move(m));
    }
    return mentions;
}

} // namespace pa::plan
