//! `vieclam login`, `status`, `sync` and `logout` as a person runs them: the real binary and a real encrypted store,
//! against a tiny HTTP server on loopback that signs the device in and then fails every push with a 503 (the
//! protocol's happy path is tested in the core; here the point is what the terminal says).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output, Stdio};

mod common;
use common::vieclam;

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// Serves `/v1/auth/login` with a session, `/v1/auth/logout` with 204, anything else with a 503 `ErrorBody`.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(50) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let (status, json) = if request_line.starts_with("POST /v1/auth/login") {
                (
                    "200 OK",
                    r#"{"token":"t1","expires_at":"2030-01-01T00:00:00.000Z","account_id":"a1","role":"inspector","display_name":"Nguyễn Văn An","username":null}"#,
                )
            } else if request_line.starts_with("POST /v1/auth/logout") {
                ("204 No Content", "")
            } else {
                (
                    "503 Service Unavailable",
                    r#"{"error":{"code":"unavailable","message_vi":"bảo trì","message_en":"maintenance"}}"#,
                )
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
                json.len()
            );
        }
    });
    url
}

fn login(home: &std::path::Path, url: &str, password: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vieclam"))
        .arg("--home")
        .arg(home)
        .args(["login", "--server", url, "--username", "an", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(password.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn sign_in_status_a_failed_sync_and_sign_out() {
    let home = tempfile::tempdir().unwrap();
    assert!(vieclam(home.path(), &["init"]).status.success());
    let o = vieclam(home.path(), &["status"]);
    let (out, _) = text(&o);
    assert!(out.contains("Chưa đăng nhập máy chủ."), "{out}");
    assert!(out.contains("Chưa đồng bộ lần nào."), "{out}");

    let o = vieclam(home.path(), &["sync"]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("chưa đăng nhập"), "{}", text(&o).1);

    let url = server();
    let o = login(home.path(), &url, "mat-khau\n");
    let (out, err) = text(&o);
    assert!(o.status.success(), "{out}{err}");
    assert!(out.contains("Xin chào Nguyễn Văn An"), "{out}");
    assert!(!out.contains("mat-khau") && !err.contains("mat-khau"), "the password is never shown");

    // Signing in enrolled the device key, which now waits to go up.
    let (out, _) = text(&vieclam(home.path(), &["status"]));
    assert!(out.contains("Đã đăng nhập: Nguyễn Văn An (kiểm tra viên)"), "{out}");
    assert!(out.contains("1 thay đổi chờ gửi.") && out.contains("khóa thiết bị: 1"), "{out}");

    let o = vieclam(home.path(), &["--lang", "en", "sync"]);
    let (_, err) = text(&o);
    assert!(!o.status.success());
    assert!(err.contains("The server failed") && err.contains("[sync.server_error]"), "{err}");
    let (out, _) = text(&vieclam(home.path(), &["--lang", "en", "status"]));
    assert!(out.contains("The last sync failed: sync.server_error"), "{out}");
    assert!(out.contains("1 changes waiting to be sent."), "nothing is lost: {out}");

    let o = vieclam(home.path(), &["logout"]);
    assert!(o.status.success());
    assert!(text(&o).0.contains("Đã đăng xuất"));
    assert!(text(&vieclam(home.path(), &["status"])).0.contains("Chưa đăng nhập máy chủ."));
}

#[test]
fn login_without_a_password_or_a_server_says_so() {
    let home = tempfile::tempdir().unwrap();
    assert!(vieclam(home.path(), &["init"]).status.success());
    // Not a terminal and no --password-stdin: refuse rather than hang.
    let o = vieclam(home.path(), &["login", "--server", "http://127.0.0.1:9", "--username", "an"]);
    assert!(!o.status.success());
    assert!(text(&o).1.contains("--password-stdin"), "{}", text(&o).1);
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let o = login(home.path(), &format!("http://127.0.0.1:{port}"), "x\n");
    assert!(!o.status.success());
    assert!(text(&o).1.contains("Không kết nối được máy chủ"), "{}", text(&o).1);
}
