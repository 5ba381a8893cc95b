//! Just enough HTTP/1.1 for the harness: where one message ends in a byte stream (so the proxy can duplicate exactly
//! one request and read exactly one answer), and a blocking `GET` for health checks that needs no runtime.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Which side of an exchange a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// A request: a body only with `Content-Length` or chunked encoding.
    Request,
    /// A response; `to_head` for the answer to a `HEAD`, which never has a body.
    Response {
        /// Whether the request was a `HEAD`.
        to_head: bool,
    },
}

/// The length of the first complete message at the start of `buf`, or `None` while it is incomplete (or cannot be
/// framed: a response without a length ends at the close of the connection, which the caller sees as EOF).
pub fn message_len(buf: &[u8], side: Side) -> Option<usize> {
    let head_end = find(buf, b"\r\n\r\n")? + 4;
    let head = std::str::from_utf8(&buf[..head_end]).ok()?;
    let mut lines = head.split("\r\n");
    let start = lines.next()?;
    let mut content_length = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            content_length = value.parse::<usize>().ok();
        } else if name.eq_ignore_ascii_case("transfer-encoding") && value.to_ascii_lowercase().contains("chunked") {
            chunked = true;
        }
    }
    if let Side::Response { to_head } = side {
        let status: u16 = start.split(' ').nth(1)?.parse().ok()?;
        if to_head || status == 204 || status == 304 || (100..200).contains(&status) {
            return Some(head_end);
        }
    }
    if chunked {
        return chunked_end(buf, head_end);
    }
    match (content_length, side) {
        (Some(n), _) => (buf.len() >= head_end + n).then_some(head_end + n),
        (None, Side::Request) => Some(head_end),
        (None, Side::Response { .. }) => None,
    }
}

/// Whether the request at the start of `buf` is a `HEAD`.
pub fn is_head(buf: &[u8]) -> bool {
    buf.starts_with(b"HEAD ")
}

/// The end of a chunked body that starts at `at`, trailers included.
fn chunked_end(buf: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let line_end = at + find(&buf[at..], b"\r\n")?;
        let size_text = std::str::from_utf8(&buf[at..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        at = line_end + 2;
        if size == 0 {
            // Trailers, then an empty line.
            loop {
                let end = at + find(&buf[at..], b"\r\n")?;
                let empty = end == at;
                at = end + 2;
                if empty {
                    return Some(at);
                }
            }
        }
        at = at.checked_add(size)?.checked_add(2)?;
        if buf.len() < at {
            return None;
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A blocking `GET path` on a fresh connection; the status code and the body (bodies are small and uncompressed
/// here: health checks and test servers). `None` when nothing answers properly within `timeout`.
pub fn get(addr: SocketAddr, path: &str, timeout: Duration) -> Option<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect_timeout(&addr, timeout).ok()?;
    stream.set_read_timeout(Some(timeout)).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf).ok()?;
    let head_end = find(&buf, b"\r\n\r\n")? + 4;
    let status = std::str::from_utf8(&buf[..head_end]).ok()?.split(' ').nth(1)?.parse().ok()?;
    let len = message_len(&buf, Side::Response { to_head: false }).unwrap_or(buf.len());
    Some((status, buf[head_end..len].to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_content_length_and_chunked_messages() {
        let req = b"POST /v1/push HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET / HTTP/1.1\r\n\r\n";
        assert_eq!(message_len(req, Side::Request), Some(req.len() - 18));
        assert_eq!(message_len(&req[..40], Side::Request), None);
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nextra";
        assert_eq!(message_len(chunked, Side::Response { to_head: false }), Some(chunked.len() - 5));
        assert_eq!(message_len(&chunked[..50], Side::Response { to_head: false }), None);
        let no_body = b"HTTP/1.1 204 No Content\r\n\r\n";
        assert_eq!(message_len(no_body, Side::Response { to_head: false }), Some(no_body.len()));
        let head = b"HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n";
        assert_eq!(message_len(head, Side::Response { to_head: true }), Some(head.len()));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_never_overruns(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            for side in [Side::Request, Side::Response { to_head: false }] {
                if let Some(n) = message_len(&bytes, side) {
                    proptest::prop_assert!(n <= bytes.len());
                }
            }
        }
    }
}
