//! The site checklist's questions and their answers' words ([`crate::checks::checklist`]): keys and kinds stay
//! with the checklist, the words live here.

use super::Text;
use crate::t;

/// The checklist's answer `afforestation`.
pub const OPTION_AFFORESTATION: Text = t!("Trồng rừng", "Afforestation");

/// The checklist's answer `livestock`.
pub const OPTION_LIVESTOCK: Text = t!("Chăn nuôi", "Livestock");

/// The checklist's answer `crops`.
pub const OPTION_CROPS: Text = t!("Trồng trọt", "Crops");

/// The checklist's answer `services`.
pub const OPTION_SERVICES: Text = t!("Dịch vụ", "Services");

/// The checklist's answer `small_business`.
pub const OPTION_SMALL_BUSINESS: Text = t!("Kinh doanh nhỏ", "Small business");

/// The checklist's answer `good`.
pub const OPTION_GOOD: Text = t!("Tốt", "Good");

/// The checklist's answer `average`.
pub const OPTION_AVERAGE: Text = t!("Trung bình", "Average");

/// The checklist's answer `poor`.
pub const OPTION_POOR: Text = t!("Kém", "Poor");

/// The checklist's answer `abandoned`.
pub const OPTION_ABANDONED: Text = t!("Bỏ hoang / không còn", "Abandoned / gone");

/// The checklist's answer `effective`.
pub const OPTION_EFFECTIVE: Text = t!("Hiệu quả", "Effective");

/// The checklist's answer `partly`.
pub const OPTION_PARTLY: Text = t!("Hiệu quả một phần", "Partly effective");

/// The checklist's answer `not_effective`.
pub const OPTION_NOT_EFFECTIVE: Text = t!("Chưa hiệu quả", "Not effective");

/// The checklist's answer `on_time`.
pub const OPTION_ON_TIME: Text = t!("Trả nợ, lãi đúng hạn", "Pays on time");

/// The checklist's answer `late`.
pub const OPTION_LATE: Text = t!("Trả chậm", "Pays late");

/// The checklist's answer `overdue`.
pub const OPTION_OVERDUE: Text = t!("Có nợ quá hạn", "Has overdue debt");

/// The checklist's question `purpose_kept`.
pub const QUESTION_PURPOSE_KEPT: Text =
    t!("Vốn vay được sử dụng đúng mục đích?", "Is the loan used for its stated purpose?");

/// The checklist's question `model_type`.
pub const QUESTION_MODEL_TYPE: Text = t!("Loại mô hình", "Type of funded model");

/// The checklist's question `model_state`.
pub const QUESTION_MODEL_STATE: Text = t!("Tình trạng mô hình", "State of the model");

/// The checklist's question `jobs_created`.
pub const QUESTION_JOBS_CREATED: Text = t!("Số lao động được tạo việc làm mới", "New jobs created");

/// The checklist's question `jobs_kept`.
pub const QUESTION_JOBS_KEPT: Text = t!("Số lao động được duy trì việc làm", "Jobs kept");

/// The checklist's question `effectiveness`.
pub const QUESTION_EFFECTIVENESS: Text = t!("Hiệu quả của mô hình", "Effectiveness of the model");

/// The checklist's question `repayment_state`.
pub const QUESTION_REPAYMENT_STATE: Text = t!("Tình hình trả nợ, trả lãi", "Repayment of principal and interest");

/// The checklist's question `misuse_fees`.
pub const QUESTION_MISUSE_FEES: Text =
    t!("Tổ TK&VV hoặc cán bộ có thu phí, thu tiền ngoài quy định?", "Were fees charged outside the rules?");

/// The checklist's question `misuse_principal_collected`.
pub const QUESTION_MISUSE_PRINCIPAL_COLLECTED: Text =
    t!("Tổ trưởng có thu tiền gốc của người vay?", "Did the group collect the borrower's principal?");

/// The checklist's question `misuse_vay_ke`.
pub const QUESTION_MISUSE_VAY_KE: Text =
    t!("Có hiện tượng vay ké (vay hộ người khác)?", "Is the loan borrowed on someone else's behalf (vay ké)?");

/// The checklist's question `misuse_misappropriation`.
pub const QUESTION_MISUSE_MISAPPROPRIATION: Text =
    t!("Có chiếm dụng, xâm tiêu vốn vay?", "Was the loan misappropriated?");

/// The checklist's question `misuse_book_held`.
pub const QUESTION_MISUSE_BOOK_HELD: Text =
    t!("Sổ vay vốn do người khác (tổ trưởng…) giữ?", "Is the loan book held by someone else (group leader…)?");

/// The checklist's question `borrower_opinions`.
pub const QUESTION_BORROWER_OPINIONS: Text = t!("Ý kiến của người vay", "The borrower's opinions");

/// The checklist's question `borrower_requests`.
pub const QUESTION_BORROWER_REQUESTS: Text =
    t!("Đề xuất của người vay (thêm vốn, tập huấn…)", "The borrower's requests (more capital, training…)");

/// The checklist's question `inspector_remark`.
pub const QUESTION_INSPECTOR_REMARK: Text = t!("Nhận xét của cán bộ kiểm tra", "The inspector's remark");

/// The unit of a count of jobs.
pub const PEOPLE: Text = t!("người", "people");
