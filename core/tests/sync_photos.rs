//! Photo upload over tus against the `/v1` test server (`sync/server.rs`): a photo goes up in checksummed chunks,
//! a connection cut mid-chunk is resumed from the server's `Upload-Offset`, and a photo the server already holds is
//! skipped after one `HEAD`.

#[path = "sync/server.rs"]
mod server;

use std::sync::Mutex;

use server::Fake;
use vieclam_core::evidence::photo::PhotoStore;
use vieclam_core::sync::{self, CancelToken, DeviceLabel, NoProgress, SyncOptions};
use vieclam_core::{DbKey, Lang, Store};

const KEY: DbKey = DbKey::Raw([3; 32]);

/// A store with one check of this device holding one photo of `len` pseudo-random bytes in the photo folder.
fn store_with_photo(dir: &std::path::Path, len: usize) -> (Mutex<Store>, String, Vec<u8>) {
    let store = Store::open(dir.join("s.db"), &KEY).unwrap();
    let mut bytes = vec![0u8; len];
    let mut x: u32 = 0x1234_5678;
    for b in bytes.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
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
                 '2025-10-14T01:31:00.000Z', 'gps', 0, '{{}}', '2025-10-14T01:31:00.000Z', 'h');"
        ))
        .unwrap();
    (Mutex::new(store), sha, bytes)
}

async fn sign_in(store: &Mutex<Store>, url: &str) {
    let label = DeviceLabel { name: "Máy thử".into(), platform: "desktop".into() };
    sync::login(store, url, "an", "mat-khau-dung", &label).await.unwrap();
}

#[tokio::test]
async fn a_cut_upload_resumes_from_the_servers_offset() {
    let dir = tempfile::tempdir().unwrap();
    let (store, sha, bytes) = store_with_photo(dir.path(), 700_000);
    let fake = Fake { token: "t".into(), cut_patch_after: Some(100_000), ..Fake::default() };
    let (url, state) = server::start(fake).await;
    sign_in(&store, &url).await;
    assert_eq!(sync::status(&store.lock().unwrap(), Lang::Vi).unwrap().photos_waiting, 1);

    let options = SyncOptions::with_photos(dir.path().join("photos"));
    let report = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(report.photos_sent, 1);
    {
        let f = state.lock().unwrap();
        assert_eq!(f.photos.get(&sha), Some(&bytes), "the server holds exactly the photo's bytes");
        // 700,000 bytes in 256 KiB chunks is 3 PATCHes; the cut one, resumed at 100,000, makes it 4.
        assert_eq!(f.patch_requests, 4);
    }
    // The first cut chunk counts nothing; after it only the bytes from the server's offset went: 600,000 photo
    // bytes plus a small compressed push, never a second whole photo.
    assert!((600_000..610_000).contains(&report.bytes_up), "{}", report.bytes_up);
    let screen = sync::status(&store.lock().unwrap(), Lang::Vi).unwrap();
    assert_eq!(screen.photos_waiting, 0);

    // Held now: the next sync asks once and uploads nothing.
    let again = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(again.photos_sent, 0);
    assert_eq!(state.lock().unwrap().patch_requests, 4);
}

#[tokio::test]
async fn an_upload_interrupted_in_an_earlier_sync_goes_on_from_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let (store, sha, bytes) = store_with_photo(dir.path(), 300_000);
    let (url, state) = server::start(Fake { token: "t".into(), ..Fake::default() }).await;
    sign_in(&store, &url).await;
    // An earlier sync created the upload and got 262,144 bytes across before the app was killed.
    {
        let mut f = state.lock().unwrap();
        f.uploads.insert("u1".into(), (sha.clone(), 300_000, bytes[..262_144].to_vec()));
    }
    store
        .lock()
        .unwrap()
        .raw_connection_for_tests()
        .execute(
            "INSERT INTO photo_uploads (sha256, state, upload_url, offset, updated_at)
             VALUES (?1, 'uploading', '/v1/uploads/u1', 0, '2025-10-14T01:31:00.000Z')",
            [&sha],
        )
        .unwrap();
    let options = SyncOptions::with_photos(dir.path().join("photos"));
    let report = sync::sync(&store, &options, &NoProgress, &CancelToken::new()).await.unwrap();
    assert_eq!(report.photos_sent, 1);
    let f = state.lock().unwrap();
    assert_eq!(f.patch_requests, 1, "one PATCH with the last 37,856 bytes");
    assert_eq!(f.photos.get(&sha), Some(&bytes));
}
