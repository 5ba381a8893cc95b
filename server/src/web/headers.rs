//! What every office answer carries for the browser: a Content-Security-Policy that allows only this server's own
//! pages (they have no script; their style is inline), no framing, no MIME sniffing, no referrer, no caching, and
//! the session cookie marked `Secure` when the office is served over TLS (`serve --cookie-secure`).

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// The pages' policy: their own origin only, no script at all, inline style (the pages carry one `<style>` and a
/// `style` attribute), forms posting only here, and no framing.
pub const CSP: &str = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; \
                       form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// How the office's answers are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WebPolicy {
    /// Whether the session cookie carries `Secure` (sent by the browser over HTTPS only).
    pub cookie_secure: bool,
}

/// The middleware: adds the security headers to every answer, and `Secure` to every cookie when asked.
pub async fn secure_headers(State(policy): State<WebPolicy>, request: Request, next: Next) -> Response {
    let mut r = next.run(request).await;
    let h = r.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    // The pages hold people's names and figures, and a new password is shown once: nothing is kept in a cache.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if policy.cookie_secure {
        let cookies: Vec<HeaderValue> = h
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| match v.to_str() {
                Ok(text) if !text.split(';').any(|a| a.trim().eq_ignore_ascii_case("secure")) => {
                    HeaderValue::from_str(&format!("{text}; Secure")).unwrap_or_else(|_| v.clone())
                }
                _ => v.clone(),
            })
            .collect();
        h.remove(header::SET_COOKIE);
        for c in cookies {
            h.append(header::SET_COOKIE, c);
        }
    }
    r
}

/// Whether `--cookie-secure` defaults on for this listening address: on unless it is loopback (a browser on the same
/// machine over plain HTTP, as in development and tests).
pub fn cookie_secure_default(listen: &std::net::SocketAddr) -> bool {
    !listen.ip().is_loopback()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secure_cookies_by_default_off_loopback_only() {
        for (addr, secure) in
            [("127.0.0.1:8080", false), ("[::1]:8080", false), ("0.0.0.0:8080", true), ("192.168.1.5:443", true)]
        {
            assert_eq!(cookie_secure_default(&addr.parse().unwrap()), secure, "{addr}");
        }
    }
}
