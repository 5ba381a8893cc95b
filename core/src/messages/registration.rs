//! Messages of the returning workers' registration form: one entry per validation code, so a screen can show the
//! reason beside the field as the person types, in Vietnamese first.

use crate::messages::Text;
use crate::t;

/// `full_name.required`.
pub const FULL_NAME_REQUIRED: Text = t!("Vui lòng nhập họ và tên.", "Please enter your full name.");
/// `password.too_short` (enrolment).
pub const PASSWORD_TOO_SHORT: Text = t!("Mật khẩu cần ít nhất 8 ký tự.", "The password needs at least 8 characters.");
/// `full_name.format`.
pub const FULL_NAME_FORMAT: Text = t!("Họ và tên không được chứa chữ số.", "The full name must not contain digits.");
/// `full_name.too_long`.
pub const FULL_NAME_TOO_LONG: Text = t!("Họ và tên dài quá 100 ký tự.", "The full name is longer than 100 characters.");

/// `id_number.required`.
pub const ID_NUMBER_REQUIRED: Text =
    t!("Vui lòng nhập số CCCD (hoặc số CMND cũ).", "Please enter your citizen ID number (or old ID card number).");
/// `id_number.format`.
pub const ID_NUMBER_FORMAT: Text = t!(
    "Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số), không có chữ cái.",
    "A citizen ID number has 12 digits (an old ID card 9), with no letters."
);
/// `id_number.province_unknown`.
pub const ID_NUMBER_PROVINCE_UNKNOWN: Text = t!(
    "Ba chữ số đầu của số CCCD không phải mã tỉnh nào; vui lòng kiểm tra lại.",
    "The first three digits of the citizen ID number are no province's code; please check it."
);
/// `id_number.birth_year_mismatch`.
pub const ID_NUMBER_BIRTH_YEAR_MISMATCH: Text = t!(
    "Năm sinh trong số CCCD không khớp với ngày sinh đã nhập.",
    "The birth year in the citizen ID number does not match the birth date entered."
);
/// `id_number.sex_mismatch`.
pub const ID_NUMBER_SEX_MISMATCH: Text = t!(
    "Giới tính trong số CCCD không khớp với giới tính đã chọn.",
    "The sex in the citizen ID number does not match the sex chosen."
);
/// `id_number.duplicate`.
pub const ID_NUMBER_DUPLICATE: Text =
    t!("Số giấy tờ này đã được đăng ký trên máy này.", "This ID number is already registered on this device.");

/// `birth_date.required`.
pub const BIRTH_DATE_REQUIRED: Text = t!("Vui lòng nhập ngày sinh.", "Please enter your date of birth.");
/// `birth_date.format`.
pub const BIRTH_DATE_FORMAT: Text = t!(
    "Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 05/02/1990.",
    "The date of birth must be day/month/year, e.g. 05/02/1990."
);
/// `birth_date.future`.
pub const BIRTH_DATE_FUTURE: Text =
    t!("Ngày sinh không thể ở tương lai.", "The date of birth cannot be in the future.");
/// `birth_date.too_young`.
pub const BIRTH_DATE_TOO_YOUNG: Text =
    t!("Người đăng ký phải đủ 15 tuổi.", "The person registering must be at least 15 years old.");

/// `sex.required`.
pub const SEX_REQUIRED: Text = t!("Vui lòng chọn giới tính.", "Please choose a sex.");
/// `sex.unknown`.
pub const SEX_UNKNOWN: Text = t!("Giới tính phải là Nam hoặc Nữ.", "Sex must be male or female.");

/// `phone.required`.
pub const PHONE_REQUIRED: Text = t!("Vui lòng nhập số điện thoại di động.", "Please enter a mobile number.");
/// `phone.format`.
pub const PHONE_FORMAT: Text = t!(
    "Số di động gồm 10 chữ số bắt đầu bằng 0 (hoặc +84 và 9 chữ số).",
    "A mobile number has 10 digits starting with 0 (or +84 and 9 digits)."
);
/// `phone.prefix_unknown`.
pub const PHONE_PREFIX_UNKNOWN: Text =
    t!("Đầu số này không phải đầu số di động Việt Nam.", "This prefix is not a Vietnamese mobile prefix.");

/// `commune_code.required`.
pub const COMMUNE_REQUIRED: Text = t!("Vui lòng chọn xã, phường.", "Please choose a commune or ward.");
/// `commune_code.unknown`.
pub const COMMUNE_UNKNOWN: Text =
    t!("Không có xã, phường này trong danh sách của tỉnh Lạng Sơn.", "This commune or ward is not in Lạng Sơn's list.");

/// `address.required`.
pub const ADDRESS_REQUIRED: Text =
    t!("Vui lòng nhập địa chỉ (thôn, bản, số nhà).", "Please enter the address (village, house number).");
/// `address.too_long`.
pub const ADDRESS_TOO_LONG: Text = t!("Địa chỉ dài quá 200 ký tự.", "The address is longer than 200 characters.");

/// `country_abroad.required`.
pub const COUNTRY_REQUIRED: Text = t!(
    "Vui lòng nhập nước đã làm việc khi có số năm ở nước ngoài.",
    "Please enter the country worked in when years abroad are given."
);
/// `country_abroad.too_long`.
pub const COUNTRY_TOO_LONG: Text = t!("Tên nước dài quá 60 ký tự.", "The country name is longer than 60 characters.");

/// `years_abroad.format`.
pub const YEARS_ABROAD_FORMAT: Text =
    t!("Số năm ở nước ngoài phải là một số nguyên.", "Years abroad must be a whole number.");
/// `years_abroad.range`.
pub const YEARS_ABROAD_RANGE: Text = t!(
    "Số năm ở nước ngoài phải từ 0 đến 50 và không quá số tuổi.",
    "Years abroad must be between 0 and 50 and no more than the person's age."
);

/// `occupation.required`.
pub const OCCUPATION_REQUIRED: Text =
    t!("Vui lòng nhập nghề nghiệp đã làm.", "Please enter the occupation you worked in.");
/// `occupation.too_long`.
pub const OCCUPATION_TOO_LONG: Text =
    t!("Nghề nghiệp dài quá 100 ký tự.", "The occupation is longer than 100 characters.");

/// `skills.too_long`, `languages.too_long`, `certificates.too_long`.
pub const LIST_TOO_LONG: Text =
    t!("Tối đa 20 mục, mỗi mục không quá 100 ký tự.", "At most 20 entries, each no longer than 100 characters.");

/// `wants.required`.
pub const WANTS_REQUIRED: Text = t!("Vui lòng chọn ít nhất một nhu cầu.", "Please choose at least one thing you want.");
/// `wants.unknown`.
pub const WANTS_UNKNOWN: Text = t!("Có lựa chọn nhu cầu không hợp lệ.", "One of the choices is not valid.");

/// `consent.required`.
pub const CONSENT_REQUIRED: Text =
    t!("Cần đồng ý chia sẻ thông tin để đăng ký.", "Consent to share the details is needed to register.");

/// Sex choice: male.
pub const SEX_MALE: Text = t!("Nam", "Male");
/// Sex choice: female.
pub const SEX_FEMALE: Text = t!("Nữ", "Female");

/// Label of each want, for the choice list.
pub const WANT_DOMESTIC_JOB: Text = t!("Việc làm trong nước", "A job in Vietnam");
/// Label: training.
pub const WANT_TRAINING: Text = t!("Học nghề", "Vocational training");
/// Label: self-employment loan.
pub const WANT_SELF_EMPLOYMENT_LOAN: Text = t!("Vay vốn tự tạo việc làm", "A loan to work for myself");
/// Label: work abroad.
pub const WANT_WORK_ABROAD: Text = t!("Đi làm việc ở nước ngoài", "Work abroad again");

/// Label of a form field by its name in [`crate::registration::FIELDS`].
pub fn field_label(field: &str) -> Text {
    match field {
        "full_name" => t!("Họ và tên", "Full name"),
        "id_number" => t!("Số CCCD/CMND", "CCCD/CMND number"),
        "birth_date" => t!("Ngày sinh", "Date of birth"),
        "sex" => t!("Giới tính", "Sex"),
        "phone" => t!("Số điện thoại", "Mobile number"),
        "commune_code" => t!("Xã/phường", "Commune or ward"),
        "address" => t!("Địa chỉ (thôn, bản)", "Address (village)"),
        "country_abroad" => t!("Nước đã làm việc", "Country worked in"),
        "years_abroad" => t!("Số năm làm việc ở nước ngoài", "Years worked abroad"),
        "occupation" => t!("Nghề nghiệp", "Occupation"),
        "skills" => t!("Kỹ năng", "Skills"),
        "languages" => t!("Ngoại ngữ", "Languages"),
        "certificates" => t!("Chứng chỉ", "Certificates"),
        "wants" => t!("Nhu cầu hiện nay", "What you want now"),
        "consent" => t!("Đồng ý chia sẻ thông tin", "Consent to share"),
        _ => t!("Thông tin", "Detail"),
    }
}

/// Title of the registration form.
pub const FORM_TITLE: Text = t!("Đăng ký của người lao động về nước", "Returning worker registration");
/// Submit button.
pub const SUBMIT: Text = t!("Gửi đăng ký", "Submit registration");
