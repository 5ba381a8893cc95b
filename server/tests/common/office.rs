//! The office in a browser's way: form posts and the session cookie, without following redirects, so a test sees
//! each answer's status and `Location`.

use reqwest::redirect::Policy;

/// A client of the office pages holding (or not) the session cookie.
pub struct Browser {
    /// The HTTP client (redirects not followed).
    pub http: reqwest::Client,
    /// Server URL.
    pub base: String,
    /// `name=token` of the session cookie.
    pub cookie: Option<String>,
}

impl Browser {
    /// GET `path`: status, `Location`, body.
    pub async fn get(&self, path: &str) -> (u16, String, String) {
        let mut rb = self.http.get(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            rb = rb.header("cookie", c);
        }
        answer(rb.send().await.expect("get")).await
    }

    /// POST `form` to `path`: status, `Location`, body, `Set-Cookie`.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> (u16, String, String, Option<String>) {
        let mut rb = self.http.post(format!("{}{path}", self.base)).form(form);
        if let Some(c) = &self.cookie {
            rb = rb.header("cookie", c);
        }
        let r = rb.send().await.expect("post");
        let cookie = r.headers().get("set-cookie").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let (status, location, body) = answer(r).await;
        (status, location, body, cookie)
    }

    /// POST a `multipart/form-data` form to `path` as a browser sends a file form: each of `files` is
    /// `(input name, file name, bytes)`; status, `Location`, body.
    pub async fn upload(&self, path: &str, files: &[(&str, &str, &[u8])]) -> (u16, String, String) {
        let boundary = format!("----vieclam-test-{:032x}", rand::random::<u128>());
        let mut body = Vec::new();
        for (name, file, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let mut rb = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body);
        if let Some(c) = &self.cookie {
            rb = rb.header("cookie", c);
        }
        answer(rb.send().await.expect("upload")).await
    }
}

/// Status, `Location`, body.
pub async fn answer(r: reqwest::Response) -> (u16, String, String) {
    let status = r.status().as_u16();
    let location = r.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, location, r.text().await.unwrap_or_default())
}

impl Browser {
    /// Signed in to the office at `base` as `username`; panics when refused.
    pub async fn signed_in(base: &str, username: &str, password: &str) -> Browser {
        let http = reqwest::Client::builder().redirect(Policy::none()).build().expect("client");
        let mut web = Browser { http, base: base.to_owned(), cookie: None };
        let (status, _, page, cookie) =
            web.post("/office/login", &[("username", username), ("password", password)]).await;
        assert_eq!(status, 303, "office sign-in of {username}: {page}");
        web.cookie = cookie.and_then(|c| c.split(';').next().map(str::to_owned));
        web
    }
}
