//! tus request headers come from any client: `Upload-Metadata`, `Upload-Offset`/`Upload-Length` and
//! `Upload-Checksum` are parsed or refused, never a panic. The input is split into a header value and a chunk.
#![no_main]

use axum::http::{HeaderMap, HeaderValue};
use libfuzzer_sys::fuzz_target;
use vieclam_server::uploads::tus::{check_chunk, number, parse_metadata};

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
    let (head, chunk) = data.split_at(split);
    let text = String::from_utf8_lossy(head);
    let _ = parse_metadata(&text);
    let Ok(value) = HeaderValue::from_bytes(head) else { return };
    let mut h = HeaderMap::new();
    for name in ["upload-checksum", "upload-offset", "upload-length"] {
        h.insert(name, value.clone());
    }
    let _ = number(&h, "upload-offset");
    let _ = number(&h, "upload-length");
    let _ = check_chunk(&h, chunk);
});
