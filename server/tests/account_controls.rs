//! The office's account controls through the real binaries, on SQLite and PostgreSQL: `users disable` revokes every
//! token at once and refuses sign-in (403 `auth.account_disabled`, to the right password only); `users enable`
//! lets the account sign in again while its old tokens stay revoked; `users reset-password` (from stdin, or
//! generated and printed once) replaces the password and revokes every token; a device revoked with `devices
//! revoke` cannot sign in again (403 `auth.device_revoked`).

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{Api, Backend, Server, code, device};
use serde_json::{Value, json};

/// Runs `vieclam-server ARGS` on the server's store with `input` on stdin; answers stdout.
fn admin_with_stdin(s: &Server, args: &[&str], input: &str) -> String {
    let mut cmd = Command::new(common::bin());
    cmd.arg("--data").arg(s.data.path());
    if let Some(u) = &s.database_url {
        cmd.args(["--database-url", u]);
    }
    let mut child = cmd
        .args(args)
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn login(api: &Api, username: &str, password: &str, device: &Value) -> (u16, Value) {
    api.post("/v1/auth/login", &json!({ "username": username, "password": password, "device": device })).await
}

async fn controls(backend: Backend) {
    let s = Server::new(backend, &[]).await;
    s.admin(&["users", "add", "--role", "inspector", "--username", "an", "--name", "An", "--password", "an-password"]);
    s.admin(&["users", "add", "--role", "worker", "--username", "ba", "--name", "Ba", "--password", "ba-password"]);
    let s = s.start().await;
    let api = s.client();
    let first = api.login("an", "an-password").await;
    let second = api.login("an", "an-password").await;
    let other = api.login("ba", "ba-password").await;
    assert_eq!(first.get("/v1/pull?limit=1").await.0, 200);

    // Disable: both tokens refused at once, sign-in refused with its code to the right password, a wrong one
    // still reads as wrong; another account is untouched.
    let out = s.admin(&["users", "disable", "an"]);
    assert!(out.contains("Account disabled") && out.contains("(2 "), "{out}");
    for t in [&first, &second] {
        let a = t.get("/v1/pull?limit=1").await;
        assert_eq!((a.0, code(&a)), (401, "auth.revoked_token"), "{}", a.1);
    }
    let a = login(&api, "an", "an-password", &device()).await;
    assert_eq!((a.0, code(&a)), (403, "auth.account_disabled"), "{}", a.1);
    assert!(a.1["error"]["message_vi"].as_str().is_some_and(|m| m.contains("khoá")), "{}", a.1);
    let a = login(&api, "an", "wrong-password", &device()).await;
    assert_eq!((a.0, code(&a)), (401, "auth.bad_credentials"));
    assert_eq!(other.get("/v1/pull?limit=1").await.0, 200, "another account's token still works");
    assert!(s.admin(&["users", "list"]).lines().any(|l| l.contains("\tan\t") && l.contains("disabled")));

    // Enable: sign-in works again; the old tokens stay revoked.
    s.admin(&["users", "enable", "an"]);
    let third = api.login("an", "an-password").await;
    assert_eq!(third.get("/v1/pull?limit=1").await.0, 200);
    assert_eq!(code(&first.get("/v1/pull?limit=1").await), "auth.revoked_token");

    // Reset from stdin: the token is revoked, the old password refused, the new one taken.
    let out = admin_with_stdin(&s, &["users", "reset-password", "an", "--password-stdin"], "a new long password\n");
    assert!(out.contains("Password reset") && out.contains("(1 "), "{out}");
    assert_eq!(code(&third.get("/v1/pull?limit=1").await), "auth.revoked_token");
    assert_eq!(login(&api, "an", "an-password", &device()).await.0, 401);
    let fourth = api.login("an", "a new long password").await;
    // Reset with a generated password, printed once.
    let out = s.admin(&["users", "reset-password", "an"]);
    let generated = out
        .lines()
        .find_map(|l| l.strip_prefix("Mật khẩu mới (chỉ hiện một lần) / New password (shown once): "))
        .unwrap_or_else(|| panic!("no password printed: {out}"))
        .to_owned();
    assert!(generated.len() >= 16, "{generated}");
    assert_eq!(code(&fourth.get("/v1/pull?limit=1").await), "auth.revoked_token");
    assert_eq!(login(&api, "an", "a new long password", &device()).await.0, 401);
    assert_eq!(login(&api, "an", &generated, &device()).await.0, 200);
    // A short password is refused and changes nothing.
    let out = Command::new(common::bin())
        .arg("--data")
        .arg(s.data.path())
        .args(s.database_url.as_ref().map(|u| vec!["--database-url".to_owned(), u.clone()]).unwrap_or_default())
        .args(["users", "reset-password", "an", "--password-stdin"])
        .env_remove("DATABASE_URL")
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(!out.status.success(), "an empty password is refused");
    assert_eq!(login(&api, "an", &generated, &device()).await.0, 200);

    // A revoked device cannot sign in again, with any password of its account.
    let d = device();
    let (status, session) = login(&api, "ba", "ba-password", &d).await;
    assert_eq!(status, 200);
    s.admin(&["devices", "revoke", d["device_id"].as_str().expect("id")]);
    assert_eq!(code(&api.with_token(&session).get("/v1/pull?limit=1").await), "auth.revoked_token");
    let a = login(&api, "ba", "ba-password", &d).await;
    assert_eq!((a.0, code(&a)), (403, "auth.device_revoked"), "{}", a.1);
    assert_eq!(login(&api, "ba", "ba-password", &device()).await.0, 200, "the account on a new device");
}

#[tokio::test(flavor = "multi_thread")]
async fn account_controls_on_sqlite() {
    controls(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn account_controls_on_postgres() {
    controls(Backend::Postgres).await;
}
