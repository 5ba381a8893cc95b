//! Password guessing is throttled on the real server over SQLite and PostgreSQL: per account (the user name, or
//! the activation code) and per client address, on `/v1/auth/login`, `/v1/auth/activate` and `/office/login`.
//! Past the limit the answer is 429 `auth.too_many_attempts` with `Retry-After`; other accounts and other
//! addresses are still served; once the window has passed the right password works again.
//!
//! The client addresses are loopback aliases (127.0.0.1, 127.0.0.2, 127.0.0.3): Linux routes all of 127/8 to lo.

mod common;

use std::net::IpAddr;
use std::time::Duration;

use common::{Backend, Server, device};
use serde_json::{Value, json};

/// Attempts per account, per address, and the window in seconds, as the server is started here.
const PER_ACCOUNT: usize = 3;
const PER_ADDRESS: usize = 5;
const WINDOW_SECS: u64 = 4;

struct From {
    base: String,
    http: reqwest::Client,
}

/// An answer: status, `Retry-After` (seconds), JSON body (or the page's text as a JSON string).
type Answer = (u16, Option<u64>, Value);

impl From {
    fn new(s: &Server, ip: [u8; 4]) -> From {
        let http = reqwest::Client::builder()
            .local_address(IpAddr::from(ip))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        From { base: s.url.clone(), http }
    }

    async fn answer(r: reqwest::Response) -> Answer {
        let status = r.status().as_u16();
        let retry = r.headers().get("retry-after").and_then(|v| v.to_str().ok()?.parse().ok());
        let text = r.text().await.unwrap_or_default();
        (status, retry, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    async fn login(&self, username: &str, password: &str) -> Answer {
        let body = json!({ "username": username, "password": password, "device": device() });
        From::answer(self.http.post(format!("{}/v1/auth/login", self.base)).json(&body).send().await.expect("login"))
            .await
    }

    async fn office(&self, username: &str, password: &str) -> Answer {
        let form = [("username", username), ("password", password)];
        From::answer(self.http.post(format!("{}/office/login", self.base)).form(&form).send().await.expect("office"))
            .await
    }

    async fn activate(&self, code: &str) -> Answer {
        let body = json!({ "code": code, "id_number": "012345678901", "device": device() });
        From::answer(
            self.http.post(format!("{}/v1/auth/activate", self.base)).json(&body).send().await.expect("activate"),
        )
        .await
    }
}

fn code(a: &Answer) -> &str {
    a.2["error"]["code"].as_str().unwrap_or("")
}

fn assert_throttled(a: &Answer, what: &str) {
    assert_eq!((a.0, code(a)), (429, "auth.too_many_attempts"), "{what}: {}", a.2);
    let retry = a.1.unwrap_or_else(|| panic!("{what}: no Retry-After"));
    assert!((1..=WINDOW_SECS).contains(&retry), "{what}: Retry-After {retry}");
    let vi = a.2["error"]["message_vi"].as_str().unwrap_or("");
    assert!(vi.starts_with("Đăng nhập sai quá nhiều lần"), "{what}: Vietnamese first: {vi}");
}

async fn throttle(backend: Backend) {
    let limits = [
        "--sign-in-attempts",
        &PER_ACCOUNT.to_string(),
        "--sign-in-address-attempts",
        &PER_ADDRESS.to_string(),
        "--sign-in-window",
        &WINDOW_SECS.to_string(),
    ]
    .map(str::to_owned);
    let limits: Vec<&str> = limits.iter().map(String::as_str).collect();
    let s = Server::new(backend, &limits).await;
    for (role, user) in [("admin", "ana"), ("inspector", "binh"), ("inspector", "chi")] {
        s.admin(&[
            "users",
            "add",
            "--role",
            role,
            "--username",
            user,
            "--name",
            user,
            "--password",
            &format!("{user}-password"),
        ]);
    }
    let s = s.start().await;
    let one = From::new(&s, [127, 0, 0, 1]);
    let two = From::new(&s, [127, 0, 0, 2]);
    let three = From::new(&s, [127, 0, 0, 3]);

    // Per account: three wrong guesses at ana are answered 401; the fourth attempt, even the right password and
    // from another address or through the office's form, is refused with the time to wait.
    for i in 0..PER_ACCOUNT {
        let a = one.login("ana", &format!("guess-{i}")).await;
        assert_eq!(a.0, 401, "guess {i}: {}", a.2);
    }
    assert_throttled(&one.login("ana", "ana-password").await, "ana, right password, same address");
    assert_throttled(&two.login("ANA ", "ana-password").await, "ana from another address, name in capitals");
    let page = two.office("ana", "ana-password").await;
    assert_eq!(page.0, 429, "office form: {}", page.2);
    assert!(page.1.is_some(), "office form: Retry-After");
    let text = page.2.as_str().unwrap_or("");
    assert!(
        text.contains("Đăng nhập sai quá nhiều lần") && text.contains("Too many failed sign-in attempts"),
        "{text}"
    );

    // Per address: 127.0.0.1 has three failures; two more at binh reach its limit of five.
    for i in 0..2 {
        assert_eq!(one.login("binh", &format!("guess-{i}")).await.0, 401);
    }
    assert_throttled(&one.login("chi", "chi-password").await, "chi from the address at its limit");
    // Other addresses and other accounts are still served.
    let ok = two.login("binh", "binh-password").await;
    assert_eq!(ok.0, 200, "binh from another address: {}", ok.2);
    assert_eq!(three.login("chi", "chi-password").await.0, 200, "chi from a third address");
    // A right password does not count: many sign-ins from one address go on.
    for _ in 0..PER_ADDRESS + 1 {
        assert_eq!(three.login("chi", "chi-password").await.0, 200);
    }

    // Activation codes: the same wrong code, tried over and over, from 127.0.0.3.
    for _ in 0..PER_ACCOUNT {
        let a = three.activate("ZZZZ-ZZZZ-ZZZZ").await;
        assert_eq!((a.0, code(&a)), (401, "auth.bad_activation_code"), "{}", a.2);
    }
    assert_throttled(&three.activate("zzzz zzzz zzzz").await, "the same code typed another way");

    // Once the window has passed, the right password works again.
    tokio::time::sleep(Duration::from_secs(WINDOW_SECS + 1)).await;
    let ok = one.login("ana", "ana-password").await;
    assert_eq!(ok.0, 200, "after the window: {}", ok.2);
    let ok = one.office("ana", "ana-password").await;
    assert_eq!(ok.0, 303, "the office form after the window: {}", ok.2);
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_throttle_on_sqlite() {
    throttle(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_throttle_on_postgres() {
    throttle(Backend::Postgres).await;
}
