//! Messages of sync with the office server: sign-in, what moved, what waits, and why a sync failed, for the apps
//! and the CLI alike.

use crate::messages::Text;
use crate::t;

/// `sync.offline`.
pub const OFFLINE: Text = t!(
    "Không kết nối được máy chủ; dữ liệu vẫn an toàn trên máy và sẽ được gửi khi có mạng.",
    "Cannot reach the server; the data is safe on this device and will be sent when there is a connection."
);
/// `sync.unauthorized`.
pub const UNAUTHORIZED: Text = t!(
    "Phiên đăng nhập đã hết hạn hoặc bị thu hồi; hãy đăng nhập lại.",
    "The session expired or was revoked; please sign in again."
);
/// `sync.not_signed_in`.
pub const NOT_SIGNED_IN: Text = t!(
    "Máy này chưa đăng nhập máy chủ; hãy đăng nhập trước khi đồng bộ.",
    "This device is not signed in to a server; sign in before syncing."
);
/// `sync.server_error`.
pub const SERVER_ERROR: Text =
    t!("Máy chủ gặp lỗi ({detail}); sẽ thử lại sau.", "The server failed ({detail}); it will be tried again later.");
/// `sync.cancelled`.
pub const CANCELLED: Text = t!(
    "Đã dừng đồng bộ; những gì đã gửi và nhận vẫn được giữ.",
    "Sync was stopped; what was already sent and received is kept."
);
/// `sync.bad_url`.
pub const BAD_URL: Text = t!("Địa chỉ máy chủ không hợp lệ: {url}.", "The server address is not valid: {url}.");
/// `sync.insecure_url`: plain `http://` to a host other than this machine.
pub const INSECURE_URL: Text = t!(
    "Địa chỉ máy chủ {url} không mã hoá (http://); hãy dùng https:// để mật khẩu và dữ liệu không bị đọc trộm.",
    "The server address {url} is not encrypted (http://); use https:// so passwords and data cannot be read in transit."
);
/// `sync.foreign_location`: the server sent the client to another host.
pub const FOREIGN_LOCATION: Text = t!(
    "Máy chủ chỉ tới một địa chỉ khác ({url}); đã từ chối để không lộ phiên đăng nhập.",
    "The server pointed to another address ({url}); refused so the session is not given away."
);
/// `sync.bad_answer`.
pub const BAD_ANSWER: Text = t!(
    "Máy chủ trả lời không đúng giao thức ({detail}).",
    "The server's answer does not follow the protocol ({detail})."
);
/// `sync.store`: the store failed during a sync.
pub const STORE: Text = t!("Lỗi dữ liệu trên máy khi đồng bộ: {detail}.", "Store error during sync: {detail}.");
/// `sync.photo`: a photo could not be read for upload.
pub const PHOTO: Text = t!("Không đọc được ảnh để gửi: {detail}.", "A photo could not be read for upload: {detail}.");

/// The closing line when nothing moved.
pub const NOTHING_TO_DO: Text = t!("Không có gì mới để đồng bộ.", "Nothing new to sync.");
/// The closing line of a sync that moved something.
pub const MOVED: Text = t!(
    "Đã gửi {pushed} thay đổi ({rejected} bị từ chối), nhận {pulled} bản ghi, gửi {photos} ảnh ({up} lên, {down} xuống).",
    "Sent {pushed} changes ({rejected} refused), received {pulled} records, uploaded {photos} photos ({up} up, {down} down)."
);
/// Phase names for progress.
pub const PHASE_PUSH: Text = t!("Gửi thay đổi", "Sending changes");
/// Phase names for progress.
pub const PHASE_PULL: Text = t!("Nhận dữ liệu", "Receiving data");
/// Phase names for progress.
pub const PHASE_PHOTOS: Text = t!("Gửi ảnh", "Uploading photos");

/// Status: signed in.
pub const SIGNED_IN: Text =
    t!("Đã đăng nhập: {name} ({role}) tại {server}.", "Signed in: {name} ({role}) at {server}.");
/// Status: signed in, expiry.
pub const EXPIRES: Text = t!("Phiên hết hạn lúc {at}.", "The session expires at {at}.");
/// Status: signed out.
pub const SIGNED_OUT: Text = t!("Chưa đăng nhập máy chủ.", "Not signed in to a server.");
/// Status: waiting to go up.
pub const WAITING: Text = t!("{n} thay đổi chờ gửi.", "{n} changes waiting to be sent.");
/// Status: photos waiting.
pub const PHOTOS_WAITING: Text = t!("{n} ảnh chờ gửi.", "{n} photos waiting to be uploaded.");
/// Status: nothing waiting.
pub const ALL_SENT: Text = t!("Mọi thay đổi đã được gửi.", "Every change has been sent.");
/// Status: rejected entries.
pub const REJECTED: Text = t!("{n} thay đổi bị máy chủ từ chối:", "{n} changes refused by the server:");
/// Status: last success.
pub const LAST_SUCCESS: Text = t!("Đồng bộ thành công lần cuối: {at}.", "Last successful sync: {at}.");
/// Status: never synced.
pub const NEVER_SYNCED: Text = t!("Chưa đồng bộ lần nào.", "Never synced.");
/// Status: last failure.
pub const LAST_FAILURE: Text = t!("Lần đồng bộ gần nhất lỗi: {detail}", "The last sync failed: {detail}");
/// Signed in (CLI).
pub const WELCOME: Text =
    t!("Xin chào {name}: máy đã đăng nhập với vai trò {role}.", "Welcome {name}: signed in as {role}.");
/// Signed out (CLI).
pub const LOGGED_OUT: Text = t!("Đã đăng xuất khỏi máy chủ.", "Signed out of the server.");

/// A role as people read it.
pub fn role_label(role: crate::sync::wire::Role) -> Text {
    use crate::sync::wire::Role;
    match role {
        Role::Admin => t!("quản trị", "administrator"),
        Role::Inspector => t!("kiểm tra viên", "inspector"),
        Role::Borrower => t!("người vay", "borrower"),
        Role::Worker => t!("người lao động", "worker"),
    }
}

/// A kind of outbox record as people read it.
pub fn entity_label(entity: &str) -> Text {
    match entity {
        "worker_registration" => t!("đăng ký lao động", "worker registrations"),
        "site_check" => t!("phiếu kiểm tra", "site checks"),
        "check_answer" => t!("câu trả lời kiểm tra", "checklist answers"),
        "check_photo" => t!("ảnh kiểm tra", "check photos"),
        "commune_findings" => t!("kết luận xã", "commune findings"),
        "commune_review" => t!("đánh giá tại xã", "commune reviews"),
        "plot_walk" => t!("diện tích đo thực địa", "plots walked"),
        "device_key" => t!("khóa thiết bị", "device key"),
        _ => t!("bản ghi khác", "other records"),
    }
}

/// CLI: the password prompt.
pub const PASSWORD_PROMPT: Text = t!("Mật khẩu: ", "Password: ");
/// CLI: no password given.
pub const NO_PASSWORD: Text = t!(
    "Chưa có mật khẩu: nhập khi được hỏi, hoặc dùng --password-stdin.",
    "No password: type it when asked, or use --password-stdin."
);
