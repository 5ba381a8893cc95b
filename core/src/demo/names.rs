//! Vocabulary of a believable Lạng Sơn: family and given names (Kinh, Tày and Nùng), villages, what loans fund.
//! Every person generated from these lists is fictional.

/// Family names, most common first; Tày and Nùng names (Hoàng, Nông, Lương, Vi, Lăng, Triệu, Lành, Mã) are frequent
/// in Lạng Sơn.
pub const FAMILY: &[&str] = &[
    "Hoàng",
    "Nguyễn",
    "Nông",
    "Lương",
    "Vi",
    "Lăng",
    "Triệu",
    "Hà",
    "Lý",
    "Trần",
    "Lê",
    "Phạm",
    "Đinh",
    "Mã",
    "Lành",
    "Chu",
    "Đàm",
    "Hứa",
    "Lộc",
    "Bế",
    "Dương",
    "Vũ",
    "Đặng",
    "Hoàng Thị",
];

/// Middle names for men.
pub const MIDDLE_MALE: &[&str] = &["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thế", "Công"];

/// Middle names for women.
pub const MIDDLE_FEMALE: &[&str] = &["Thị", "Thị", "Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Kim"];

/// Given names for men.
pub const GIVEN_MALE: &[&str] = &[
    "Hùng",
    "Dũng",
    "Tuấn",
    "Thắng",
    "Cường",
    "Hải",
    "Long",
    "Sơn",
    "Tiến",
    "Hòa",
    "Hoà",
    "Lập",
    "Bình",
    "Định",
    "Khánh",
    "Phong",
    "Quý",
    "Trường",
    "Vinh",
    "Nam",
    "Thành",
    "Toàn",
    "Mạnh",
    "Đạt",
    "Lực",
    "Kiên",
];

/// Given names for women.
pub const GIVEN_FEMALE: &[&str] = &[
    "Hằng",
    "Lan",
    "Hoa",
    "Hương",
    "Mai",
    "Nga",
    "Thảo",
    "Yến",
    "Dung",
    "Hạnh",
    "Liên",
    "Nhung",
    "Phượng",
    "Huyền",
    "Hòa",
    "Hoà",
    "Thủy",
    "Vân",
    "Xuân",
    "Loan",
    "Duyên",
    "Tâm",
    "Ánh",
    "Chinh",
];

/// Village name stems (thôn, bản): "Thôn {stem} {n}".
pub const VILLAGES: &[&str] = &[
    "Nà Pàn",
    "Khòn Lạn",
    "Bản Chắt",
    "Pò Háng",
    "Nà Làng",
    "Kéo Coong",
    "Bản Mới",
    "Còn Quan",
    "Pác Cáp",
    "Nà Thí",
    "Khau Mò",
    "Bản Cầu",
    "Lũng Vài",
    "Nà Hin",
    "Pắc Sào",
    "Phai Duốc",
];

/// What a loan funds: model kind, purpose text, whether it is land (a plot), typical funded area in hectares.
pub const MODELS: &[(&str, &str, bool, f64)] = &[
    ("afforestation", "Trồng rừng keo", true, 2.0),
    ("afforestation", "Trồng hồi", true, 1.5),
    ("afforestation", "Trồng quế", true, 1.2),
    ("crops", "Trồng na", true, 0.6),
    ("crops", "Trồng thạch đen", true, 0.4),
    ("crops", "Trồng rau và cây ăn quả", true, 0.5),
    ("livestock", "Chăn nuôi lợn", false, 0.0),
    ("livestock", "Nuôi trâu bò", false, 0.0),
    ("livestock", "Nuôi gà đồi", false, 0.0),
    ("livestock", "Nuôi cá lồng", false, 0.0),
    ("services", "Sửa chữa xe máy", false, 0.0),
    ("services", "May mặc gia công", false, 0.0),
    ("small_business", "Bán tạp hóa", false, 0.0),
    ("small_business", "Chế biến nông sản", false, 0.0),
];

/// Fictional licensed sending enterprises: name, markets.
pub const ENTERPRISES: &[(&str, &[&str])] = &[
    ("Công ty CP Phát triển Nhân lực Kỳ Lừa", &["Nhật Bản", "Đài Loan"]),
    ("Công ty TNHH Cung ứng Lao động Mẫu Sơn", &["Hàn Quốc", "Nhật Bản"]),
    ("Công ty CP Hợp tác Lao động Xứ Lạng", &["Đài Loan", "Malaysia"]),
    ("Công ty TNHH Dịch vụ Việc làm Biên Cương", &["Nhật Bản", "Đức"]),
    ("Công ty CP Nhân lực Quốc tế Đồng Đăng", &["Hàn Quốc", "Úc"]),
    ("Công ty TNHH Xuất khẩu Lao động Chi Lăng", &["Đài Loan"]),
];

/// Domestic jobs and training offered to returning workers: kind, title, description.
pub const JOB_PROGRAMMES: &[(&str, &str, &str)] = &[
    (
        "domestic_job",
        "Công nhân may tại Khu công nghiệp Đồng Bành",
        "Tuyển 120 công nhân may, lương từ 7 triệu đồng/tháng, có nhà ở.",
    ),
    (
        "domestic_job",
        "Nhân viên kho vận cửa khẩu Hữu Nghị",
        "Bốc xếp, kiểm đếm hàng hóa xuất nhập khẩu; ưu tiên người biết tiếng Trung.",
    ),
    ("domestic_job", "Kỹ thuật viên điện tử", "Lắp ráp linh kiện điện tử; đào tạo tại chỗ 2 tháng."),
    ("domestic_job", "Hướng dẫn viên du lịch Mẫu Sơn", "Dẫn khách tham quan, biết tiếng Anh hoặc tiếng Trung."),
    ("training", "Đào tạo nghề hàn điện", "Khóa 3 tháng, miễn học phí cho lao động về nước, cấp chứng chỉ sơ cấp."),
    ("training", "Đào tạo nghề nấu ăn", "Khóa 2 tháng tại Trường Cao đẳng nghề Lạng Sơn."),
    ("training", "Tiếng Nhật cho người đi làm việc", "Khóa 6 tháng, trình độ N4, hỗ trợ tiền ăn."),
    ("training", "Kỹ thuật trồng và chế biến hồi, quế", "Tập huấn 10 ngày tại xã, hỗ trợ cây giống."),
    ("loan", "Vay vốn tạo việc làm cho lao động về nước", "Vay đến 200 triệu đồng qua Ngân hàng Chính sách xã hội."),
    ("loan", "Vay vốn đi làm việc ở nước ngoài", "Vay đến 100% chi phí theo hợp đồng, lãi suất ưu đãi."),
];
