//! The office's accounts page through the real server, on SQLite and PostgreSQL: an admin adds an inspector (the
//! password made by the server, shown once, signs in), a bad role or a taken user name is refused with nothing
//! changed, disabling signs the account out everywhere and refuses sign-in until it is enabled, a reset password
//! replaces the old one, and revoking one device stops that device's sync while the account's other device goes on.

mod common;

use common::office::Browser;
use common::{Backend, Server, device};
use serde_json::{Value, json};

/// The password a result page shows once: the text after "(shown once): ".
fn shown_password(page: &str) -> String {
    let at = page.find("(shown once): ").expect("a password shown once") + "(shown once): ".len();
    page[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect()
}

async fn accounts(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["demo"]);
    let s = s.start().await;
    let web = Browser::signed_in(&s.url, "admin", "admin-vieclam").await;
    let login = |user: &str, password: &str| {
        let body = json!({ "username": user, "password": password, "device": device() });
        let api = s.client();
        async move { api.post("/v1/auth/login", &body).await }
    };

    // Anyone without the admin's cookie is sent to the sign-in form, even for a POST.
    let anon = Browser { http: web.http.clone(), base: web.base.clone(), cookie: None };
    assert_eq!(
        anon.post("/office/users", &[("role", "admin"), ("username", "x"), ("name", "X")]).await.1,
        "/office/login"
    );

    let (status, _, page) = web.get("/office/users").await;
    assert_eq!(status, 200);
    assert!(page.contains("thanhtra1") && page.contains("Nguyễn Văn An"), "{page}");

    // A new inspector: the page shows the password once, and it signs in.
    let form = [("role", "inspector"), ("username", "thanhtra9"), ("name", "Lục Văn Chín")];
    let (status, _, done, _) = web.post("/office/users", &form).await;
    assert_eq!(status, 200, "{done}");
    let password = shown_password(&done);
    assert!(password.len() >= 16, "{done}");
    let (status, session) = login("thanhtra9", &password).await;
    assert_eq!(status, 200, "{session}");
    // Refused, nothing changed: the same user name again, a worker's role, a blank name.
    for bad in [
        [("role", "inspector"), ("username", "thanhtra9"), ("name", "Ai Đó")],
        [("role", "worker"), ("username", "thanhtra10"), ("name", "Ai Đó")],
        [("role", "inspector"), ("username", "thanhtra11"), ("name", "  ")],
    ] {
        let (status, _, page, _) = web.post("/office/users", &bad).await;
        assert_eq!(status, 422, "{bad:?}: {page}");
    }
    let (_, _, page) = web.get("/office/users").await;
    assert!(!page.contains("thanhtra10") && !page.contains("thanhtra11"));
    assert_eq!(page.matches(">thanhtra9<").count(), 1);

    // The account's id, and its device, as the page links them.
    let row = &page[page.find(">thanhtra9<").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    let id_start = page[..page.find(">thanhtra9<").unwrap()].rfind("data-user=\"").unwrap() + "data-user=\"".len();
    let id = &page[id_start..id_start + page[id_start..].find('"').unwrap()];
    let revoke_at = row.find("/office/devices/").expect("the device's revoke button") + "/office/devices/".len();
    let device_id = &row[revoke_at..revoke_at + row[revoke_at..].find('/').unwrap()];

    // Revoking that device stops its sync; a second device of the same account goes on.
    let first = s.client().with_token(&session);
    let (status, second_session) = login("thanhtra9", &password).await;
    assert_eq!(status, 200);
    let second = s.client().with_token(&second_session);
    assert_eq!(first.get("/v1/pull?limit=1").await.0, 200);
    let (status, _, done, _) = web.post(&format!("/office/devices/{device_id}/revoke"), &[]).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(first.get("/v1/pull?limit=1").await.0, 401);
    assert_eq!(second.get("/v1/pull?limit=1").await.0, 200);
    assert_eq!(web.post(&format!("/office/devices/{device_id}/revoke"), &[]).await.0, 422, "already revoked");

    // Disabling signs the account out everywhere and refuses sign-in; enabling lets it sign in again.
    assert_eq!(web.post(&format!("/office/users/{id}/disable"), &[]).await.0, 200);
    assert_ne!(second.get("/v1/pull?limit=1").await.0, 200);
    assert_eq!(login("thanhtra9", &password).await.0, 403);
    assert!(web.get("/office/users").await.2.contains("Đã khóa / Disabled"));
    assert_eq!(web.post(&format!("/office/users/{id}/enable"), &[]).await.0, 200);
    assert_eq!(login("thanhtra9", &password).await.0, 200);

    // A reset password replaces the old one.
    let (status, _, done, _) = web.post(&format!("/office/users/{id}/reset-password"), &[]).await;
    assert_eq!(status, 200, "{done}");
    let fresh = shown_password(&done);
    assert_ne!(fresh, password);
    assert_eq!(login("thanhtra9", &password).await.0, 401);
    let (status, body): (u16, Value) = login("thanhtra9", &fresh).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(web.post("/office/users/no-such-account/disable", &[]).await.0, 422);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_on_sqlite() {
    accounts(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_on_postgres() {
    accounts(Backend::Postgres).await;
}
