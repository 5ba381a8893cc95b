//! A field device for the server's tests: a real encrypted core store signed in to the server under test as one of
//! its accounts (the demo's passwords are `<username>-vieclam`) and synced once, as a phone is after sign-in.

use std::path::Path;
use std::sync::Mutex;

use vieclam_core::sync::{CancelToken, DeviceLabel, NoProgress, SyncOptions, login, sync};
use vieclam_core::{DbKey, Store};

use super::Server;

/// A store in `dir` signed in to `server` as `username` (password `<username>-vieclam`) after its first sync.
pub async fn field_device(server: &Server, dir: &Path, username: &str) -> Mutex<Store> {
    let store = Mutex::new(Store::open(dir.join(format!("{username}.db")), &DbKey::Raw([9; 32])).expect("open"));
    let label = DeviceLabel { name: format!("test ({username})"), platform: "android".into() };
    login(&store, &server.url, username, &format!("{username}-vieclam"), &label).await.expect("login");
    sync(&store, &SyncOptions::default(), &NoProgress, &CancelToken::new()).await.expect("first sync");
    store
}
