//! The sync client keeps its token to the server it signed in to: plain `http://` is refused unless the host is this
//! machine, a tus `Location` on another origin is refused before a byte or the token goes there, and a redirect is
//! not followed. A "spy" server on another port records every request that reaches it; it must record none.

#[path = "sync/server.rs"]
mod server;

use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, Method, StatusCode, Uri};
use server::Fake;
use vieclam_core::evidence::photo::PhotoStore;
use vieclam_core::sync::{self, CancelToken, DeviceLabel, NoProgress, SyncOptions};
use vieclam_core::{DbKey, Lang, Store};

const KEY: DbKey = DbKey::Raw([5; 32]);

fn label() -> DeviceLabel {
    DeviceLabel { name: "Máy thử".into(), platform: "desktop".into() }
}

/// A store with one check of this device holding one photo in the photo folder.
fn store_with_photo(dir: &std::path::Path) -> (Mutex<Store>, String) {
    let store = Store::open(dir.join("s.db"), &KEY).unwrap();
    let bytes: Vec<u8> = (0..50_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let sha = PhotoStore::new(dir.join("photos")).put(&bytes).unwrap();
    let device = store.device_id().unwrap();
    store
        .raw_connection_for_tests()
        .execute_batch(&format!(
            "INSERT INTO site_checks (id, code, root_id, revision, site_id, loan_id, commune_list, commune_code,
                 device_id, started_at, fix_lat, fix_lon, fix_accuracy_m, fix_time, fix_provider, fix_mocked,
                 verdict_place, in_commune, created_at, hlc)
             VALUES ('c1', 'KT-06613-0001', 'c1', 1, 's1', 'l1', '2025', '06613', '{device}',
                 '2025-10-14T01:30:00.000Z', 21.5, 107.1, 4.0, '2025-10-14T01:30:00.000Z', 'gps', 0, 'at_site', 1,
                 '2025-10-14T01:30:00.000Z', 'h');
             INSERT INTO check_photos (id, check_id, sha256, width, height, size_bytes, taken_at, fix_lat, fix_lon,
                 fix_accuracy_m, fix_time, fix_provider, fix_mocked, flags, created_at, hlc)
             VALUES ('p1', 'c1', '{sha}', 1600, 1200, {len}, '2025-10-14T01:31:00.000Z', 21.5, 107.1, 4.0,
                 '2025-10-14T01:31:00.000Z', 'gps', 0, '{{}}', '2025-10-14T01:31:00.000Z', 'h');",
            len = bytes.len()
        ))
        .unwrap();
    (Mutex::new(store), sha)
}

/// What reached the spy: method, path and the Authorization header if any.
type Seen = Arc<Mutex<Vec<(String, String, Option<String>)>>>;

/// A server on another port of loopback (another origin) that records every request and answers 201.
async fn spy() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let record = seen.clone();
    let app = axum::Router::new().fallback(move |method: Method, uri: Uri, headers: HeaderMap| {
        let record = record.clone();
        async move {
            let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned);
            record.lock().unwrap().push((method.to_string(), uri.to_string(), auth));
            (StatusCode::CREATED, [("upload-offset", "0"), ("location", "/v1/uploads/spy")])
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), seen)
}

#[tokio::test]
async fn plain_http_is_refused_unless_the_host_is_this_machine() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_photo(dir.path());
    for url in [
        "http://example.com",
        "http://10.1.2.3:8080",
        "http://192.168.1.10/",
        "http://[2001:db8::1]:80",
        "http://127.0.0.1.nip.io:8080",
        "HTTP://vieclam.gov.vn",
    ] {
        let err = sync::login(&store, url, "an", "mat-khau", &label()).await.unwrap_err();
        assert_eq!(err.code(), "sync.insecure_url", "{url}");
        assert!(err.message(Lang::Vi).contains("https://"), "{}", err.message(Lang::Vi));
        assert!(err.message(Lang::En).contains("not encrypted"), "{}", err.message(Lang::En));
    }
    assert!(sync::current_session(&store).unwrap().is_none());

    // Loopback in every spelling is allowed (the test servers): nothing listens there, so it is offline.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    for url in [
        format!("http://127.0.0.1:{port}"),
        format!("http://127.8.9.10:{port}"),
        format!("http://localhost:{port}"),
        format!("http://[::1]:{port}"),
    ] {
        let err = sync::login(&store, &url, "an", "mat-khau", &label()).await.unwrap_err();
        assert_eq!(err.code(), "sync.offline", "{url}");
    }
    // And a real loopback server signs in.
    let (url, _) = server::start(Fake { token: "t".into(), ..Fake::default() }).await;
    sync::login(&store, &url.replace("127.0.0.1", "localhost"), "an", "mat-khau-dung", &label()).await.unwrap();
}

#[tokio::test]
async fn an_upload_location_on_another_origin_is_refused_and_never_sees_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let (store, sha) = store_with_photo(dir.path());
    let (spy_url, seen) = spy().await;
    let fake = Fake { token: "t-secret".into(), upload_origin: Some(spy_url.clone()), ..Fake::default() };
    let (url, state) = server::start(fake).await;
    sync::login(&store, &url, "an", "mat-khau-dung", &label()).await.unwrap();
    let options = SyncOptions::with_photos(dir.path().join("photos"));

    let err = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap_err();
    assert_eq!(err.code(), "sync.foreign_location", "{err}");
    assert!(err.message(Lang::Vi).contains(&spy_url), "{}", err.message(Lang::Vi));
    assert_eq!(seen.lock().unwrap().clone(), vec![], "nothing may reach another origin");
    assert_eq!(state.lock().unwrap().patch_requests, 0);

    // The same server naming itself by its full URL is its own origin: the photo goes up.
    state.lock().unwrap().upload_origin = Some(url.clone());
    let report = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(report.photos_sent, 1);
    assert!(state.lock().unwrap().photos.contains_key(&sha));
    assert!(seen.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = store_with_photo(dir.path());
    let (spy_url, seen) = spy().await;
    let fake =
        Fake { token: "t-secret".into(), redirect_pull_to: Some(format!("{spy_url}/v1/pull")), ..Fake::default() };
    let (url, _state) = server::start(fake).await;
    sync::login(&store, &url, "an", "mat-khau-dung", &label()).await.unwrap();
    let options = SyncOptions::with_photos(dir.path().join("photos"));
    let err = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap_err();
    assert_eq!(err.code(), "sync.server_error", "{err}");
    assert_eq!(seen.lock().unwrap().clone(), vec![], "a redirect to another origin is not followed");
}
