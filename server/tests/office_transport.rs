//! Through the real server, on SQLite and PostgreSQL: every `/office` answer carries the browser security headers;
//! the session cookie is `HttpOnly; SameSite=Strict`, and `Secure` with `--cookie-secure` (off by default on the
//! loopback address the tests listen on, off again with `--cookie-secure=false`); and `serve` runs the sweeper that
//! removes an upload left without a PATCH longer than `--upload-expiry-secs`.

mod common;

use std::time::{Duration, Instant};

use common::{Backend, Server};

async fn server(backend: Backend, extra: &[&str]) -> Server {
    let s = Server::new(backend, extra).await;
    s.admin(&["demo"]);
    s.start().await
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn assert_security_headers(r: &reqwest::Response) {
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
}

/// Signs the demo admin in at `/office/login`: the Set-Cookie of the answer.
async fn session_cookie(s: &Server) -> String {
    let r = client()
        .post(format!("{}/office/login", s.url))
        .form(&[("username", "admin"), ("password", "admin-vieclam")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "signed in");
    assert_security_headers(&r);
    r.headers()["set-cookie"].to_str().unwrap().to_owned()
}

fn flags(cookie: &str) -> Vec<String> {
    cookie.split(';').skip(1).map(|a| a.trim().split('=').next().unwrap_or("").to_ascii_lowercase()).collect()
}

async fn office_headers_and_cookie(backend: Backend) {
    let s = server(backend, &[]).await;
    for path in ["/office/login", "/office", "/office/checks", "/"] {
        let r = client().get(format!("{}{path}", s.url)).send().await.unwrap();
        assert_security_headers(&r);
    }
    let cookie = session_cookie(&s).await;
    let f = flags(&cookie);
    assert!(f.contains(&"httponly".into()) && f.contains(&"samesite".into()), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!f.contains(&"secure".into()), "loopback: no Secure by default ({cookie})");
    // The dashboard, signed in, carries the headers too.
    let token = cookie.split(';').next().unwrap();
    let r = client().get(format!("{}/office", s.url)).header("cookie", token).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_security_headers(&r);
    drop(s);

    let s = server(backend, &["--cookie-secure"]).await;
    let cookie = session_cookie(&s).await;
    assert!(flags(&cookie).contains(&"secure".into()), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let r = client().post(format!("{}/office/logout", s.url)).send().await.unwrap();
    assert!(flags(r.headers()["set-cookie"].to_str().unwrap()).contains(&"secure".into()));
    drop(s);

    let s = server(backend, &["--cookie-secure=false"]).await;
    assert!(!flags(&session_cookie(&s).await).contains(&"secure".into()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn office_headers_and_cookie_on_sqlite() {
    office_headers_and_cookie(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn office_headers_and_cookie_on_postgres() {
    office_headers_and_cookie(Backend::Postgres).await;
}

async fn serve_sweeps_expired_uploads(backend: Backend) {
    let s = Server::new(backend, &["--upload-expiry-secs", "1"]).await;
    // An upload left behind (info and one chunk) in the default photo store, DATA/photos.
    let dir = s.data.path().join("photos/uploads/0123456789abcdef0123456789abcdef");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("chunk-00000000000000000000"), [1u8; 100]).unwrap();
    std::fs::write(dir.join("info.json"), "{}").unwrap();
    let s = s.start().await;
    let started = Instant::now();
    while std::fs::read_dir(&dir).map_or(0, |d| d.count()) > 0 {
        assert!(started.elapsed() < Duration::from_secs(10), "the sweeper did not remove the expired upload");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(s);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_sweeps_expired_uploads_on_sqlite() {
    serve_sweeps_expired_uploads(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_sweeps_expired_uploads_on_postgres() {
    serve_sweeps_expired_uploads(Backend::Postgres).await;
}
