//! The OpenAPI document is the truth: read from the real running server (`GET /v1/openapi.json`) on SQLite and on
//! PostgreSQL, every operation in it is walked with requests generated from its own schemas, parameters and
//! headers (proptest strategies: strings from the declared patterns, enums, integers in range, objects with their
//! properties, `$ref`s followed), with a demo admin's real token and credentials.
//!
//! The rule, for each request:
//! - any answer must be a status the document lists for the operation, and never a 5xx;
//! - a request valid by the document must be taken (2xx), or refused only for what a valid request cannot know in
//!   advance: 403 (not yours / outside your scope), 404 (no such record), 409 (a conflict with what the server holds),
//!   for `/v1/auth/activate` 401 (the demo's one-time codes are used up after their first valid use), and for
//!   `POST /v1/uploads` 422 `photo.unknown_record` (no signed record of the caller names a generated hash);
//! - an invalid request (no token where the bearer scheme is required, a path parameter off its pattern, a required
//!   header left out, a body of the wrong type) must be refused with a 4xx.

mod common;

use std::collections::BTreeMap;

use common::{Backend, Server};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Map, Value, json};

/// Valid and invalid cases per operation (bounded so each database takes well under a minute).
const VALID_CASES: usize = 6;

/// Refusals a valid request may meet (see the module's rule).
const VALID_MAY_MEET: &[u16] = &[403, 404, 409];

/// Follows a `$ref` into the document.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str().and_then(|r| r.strip_prefix("#/")) {
        Some(path) => path.split('/').fold(doc, |v, part| &v[part]),
        None => schema,
    }
}

/// One value drawn from `schema`.
fn generate(doc: &Value, schema: &Value, runner: &mut TestRunner, session: &Map<String, Value>) -> Value {
    let schema = resolve(doc, schema);
    if let Some(key) = schema["x-vieclam-equals"].as_str().and_then(|k| k.strip_prefix("session.")) {
        return session.get(key).cloned().unwrap_or(Value::Null);
    }
    // A value the server made: a cursor from a previous page (the start: empty), tus metadata naming a photo.
    match schema["x-vieclam-from"].as_str() {
        Some("PullResponse.cursor") => return json!(""),
        Some("check_photo") => {
            let sha: String = (0..32).map(|_| format!("{:02x}", rand::random::<u8>())).collect();
            let b64 = |t: &str| base64::engine::Engine::encode(&base64::engine::general_purpose::STANDARD, t);
            return json!(format!("sha256 {},photo_id {}", b64(&sha), b64(&vieclam_core::ids::new_id())));
        }
        _ => {}
    }
    if let Some(choices) = schema["enum"].as_array() {
        let i = (0..choices.len()).new_tree(runner).unwrap().current();
        return choices[i].clone();
    }
    if let Some(one) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        return generate(doc, &one[0], runner, session);
    }
    let ty = match &schema["type"] {
        Value::Array(types) => types.iter().find(|t| *t != "null").cloned().unwrap_or(Value::Null),
        t => t.clone(),
    };
    match ty.as_str() {
        Some("string") => {
            let max = schema["maxLength"].as_u64().unwrap_or(24).min(40);
            let min = schema["minLength"].as_u64().unwrap_or(0).min(max);
            let pattern = match schema["pattern"].as_str() {
                Some(p) => p.to_owned(),
                None => format!("^[a-zA-Z0-9 ạễốửđ_.-]{{{min},{max}}}$"),
            };
            let pattern = pattern.trim_start_matches('^').trim_end_matches('$').replace(r"\S", "[a-zA-Zễ]");
            let s = proptest::string::string_regex(&pattern).expect("a pattern proptest reads");
            Value::String(s.new_tree(runner).unwrap().current())
        }
        Some("integer") => {
            let lo = schema["minimum"].as_i64().unwrap_or(0);
            let hi = schema["maximum"].as_i64().unwrap_or(1_000).min(lo + 1_000);
            json!((lo..=hi).new_tree(runner).unwrap().current())
        }
        Some("number") => json!(1.5),
        Some("boolean") => json!(any::<bool>().new_tree(runner).unwrap().current()),
        Some("array") => {
            let n = (0..3usize).new_tree(runner).unwrap().current();
            Value::Array((0..n).map(|_| generate(doc, &schema["items"], runner, session)).collect())
        }
        _ => {
            let mut out = Map::new();
            if let Some(props) = schema["properties"].as_object() {
                for (name, p) in props {
                    out.insert(name.clone(), generate(doc, p, runner, session));
                }
            }
            Value::Object(out)
        }
    }
}

/// One request to send.
struct Request {
    method: String,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<(String, Vec<u8>)>,
    token: bool,
}

/// How a case was made invalid (none for a valid case).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Broken {
    Valid,
    NoToken,
    BadPathParam,
    NoHeader,
    WrongBodyType,
}

fn text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

/// A request for `op` at `path`, valid or broken one way.
fn request(
    doc: &Value,
    method: &str,
    path: &str,
    op: &Value,
    broken: Broken,
    runner: &mut TestRunner,
    session: &Map<String, Value>,
) -> Request {
    let mut r = Request {
        method: method.to_uppercase(),
        path: path.to_owned(),
        query: vec![],
        headers: vec![],
        body: None,
        token: op["security"].as_array().is_some_and(|s| !s.is_empty()),
    };
    let mut dropped_header = false;
    for p in op["parameters"].as_array().into_iter().flatten() {
        let name = p["name"].as_str().unwrap_or_default();
        let value = text(&generate(doc, &p["schema"], runner, session));
        match p["in"].as_str() {
            Some("path") => {
                let value = if broken == Broken::BadPathParam { "not-an-id!".to_owned() } else { value };
                r.path = r.path.replace(&format!("{{{name}}}"), &value);
            }
            Some("query") => r.query.push((name.to_owned(), value)),
            Some("header") => {
                if broken == Broken::NoHeader && p["required"] == true && !dropped_header {
                    dropped_header = true;
                } else {
                    r.headers.push((name.to_owned(), value));
                }
            }
            _ => {}
        }
    }
    if let Some(content) = op["requestBody"]["content"].as_object() {
        if let Some(media) = content.get("application/json") {
            let mut body = generate(doc, &media["schema"], runner, session);
            // Sign-in credentials no schema can know: the demo admin's.
            if path == "/v1/auth/login" {
                body["username"] = json!("admin");
                body["password"] = json!("admin-vieclam");
            }
            if path == "/v1/auth/activate"
                && let Some((code, id_number)) = session
                    .get("codes")
                    .and_then(|c| c.as_array()?.first()?.as_array())
                    .map(|c| (c[0].clone(), c[1].clone()))
            {
                body["code"] = code;
                body["id_number"] = id_number;
            }
            if broken == Broken::WrongBodyType {
                body = json!([body]);
            }
            r.body = Some(("application/json".into(), serde_json::to_vec(&body).unwrap()));
        } else if let Some((media, _)) = content.iter().next() {
            r.body = Some((media.clone(), b"\xff\xd8\xff".to_vec()));
        }
    }
    if broken == Broken::NoToken {
        r.token = false;
    }
    r
}

/// What the walk saw.
#[derive(Default)]
struct Tally {
    operations: usize,
    requests: usize,
    statuses: BTreeMap<u16, usize>,
    failures: Vec<String>,
}

async fn walk(backend: Backend) -> Tally {
    let s = Server::new(
        backend,
        &["--enrol-limit", "100000", "--sign-in-attempts", "100000", "--sign-in-address-attempts", "100000"],
    )
    .await;
    let sheet = s.admin(&["demo"]);
    let s = s.start().await;
    let api = s.client();
    let (status, doc) = api.get("/v1/openapi.json").await;
    assert_eq!(status, 200);
    let admin_device = common::device();
    let (status, session) = api
        .post("/v1/auth/login", &json!({ "username": "admin", "password": "admin-vieclam", "device": admin_device }))
        .await;
    assert_eq!(status, 200, "{session}");
    let token = session["token"].as_str().unwrap().to_owned();
    let mut facts = Map::new();
    facts.insert("device_id".into(), admin_device["device_id"].clone());
    let codes: Vec<Value> = common::demo_codes(&sheet).into_iter().map(|(c, n)| json!([c, n])).collect();
    facts.insert("codes".into(), Value::Array(codes));
    let http = reqwest::Client::new();
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    let mut tally = Tally::default();
    let paths = doc["paths"].as_object().expect("paths").clone();
    for (path, item) in &paths {
        for (method, op) in item.as_object().unwrap() {
            if path == "/v1/auth/logout" {
                continue; // walked last: it revokes the token the walk uses
            }
            tally.operations += 1;
            let mut cases = vec![Broken::Valid; VALID_CASES];
            cases.extend([Broken::NoToken, Broken::BadPathParam, Broken::NoHeader, Broken::WrongBodyType]);
            for broken in cases {
                let applies = match broken {
                    Broken::Valid => true,
                    Broken::NoToken => op["security"].as_array().is_some_and(|s| !s.is_empty()),
                    Broken::BadPathParam => path.contains('{'),
                    Broken::NoHeader => op["parameters"]
                        .as_array()
                        .is_some_and(|ps| ps.iter().any(|p| p["in"] == "header" && p["required"] == true)),
                    Broken::WrongBodyType => op["requestBody"]["content"]["application/json"].is_object(),
                };
                if !applies {
                    continue;
                }
                let req = request(&doc, method, path, op, broken, &mut runner, &facts);
                let status = send(&http, &s.url, &req, &token).await;
                tally.requests += 1;
                *tally.statuses.entry(status).or_default() += 1;
                let listed = op["responses"].get(status.to_string()).is_some();
                let what = format!("{} {}: {broken:?} answered {status}", req.method, req.path);
                if !listed {
                    tally.failures.push(format!("{what}, a status the document does not list"));
                } else if status >= 500 {
                    let body =
                        req.body.as_ref().map(|(_, b)| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
                    tally.failures.push(format!("{what}, a server error; body {body:?}"));
                } else if broken == Broken::Valid
                    && status >= 400
                    && !VALID_MAY_MEET.contains(&status)
                    && !(path == "/v1/auth/activate" && status == 401)
                    && !(path == "/v1/uploads" && status == 422)
                {
                    tally.failures.push(format!("{what}: a request valid by the document refused"));
                } else if broken != Broken::Valid && !(400..500).contains(&status) {
                    tally.failures.push(format!("{what}: an invalid request not refused"));
                }
            }
        }
    }
    // Logout last, valid then without a token.
    if let Some(op) = paths.get("/v1/auth/logout").and_then(|i| i.get("post")) {
        tally.operations += 1;
        for (token_sent, want) in [(true, 204), (false, 401)] {
            let mut req = request(&doc, "post", "/v1/auth/logout", op, Broken::Valid, &mut runner, &facts);
            req.token = token_sent;
            let status = send(&http, &s.url, &req, &token).await;
            tally.requests += 1;
            *tally.statuses.entry(status).or_default() += 1;
            if status != want || op["responses"].get(status.to_string()).is_none() {
                tally.failures.push(format!("POST /v1/auth/logout answered {status}, wanted a listed {want}"));
            }
        }
    }
    tally
}

async fn send(http: &reqwest::Client, base: &str, r: &Request, token: &str) -> u16 {
    let method = reqwest::Method::from_bytes(r.method.as_bytes()).unwrap();
    let mut rb = http.request(method, format!("{base}{}", r.path)).query(&r.query);
    for (k, v) in &r.headers {
        rb = rb.header(k, v);
    }
    if r.token {
        rb = rb.bearer_auth(token);
    }
    if let Some((media, bytes)) = &r.body {
        let has_type = r.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type"));
        if !has_type {
            rb = rb.header("content-type", media);
        }
        rb = rb.body(bytes.clone());
    }
    rb.send().await.expect("request").status().as_u16()
}

fn report(backend: Backend, t: &Tally) {
    let statuses: Vec<String> = t.statuses.iter().map(|(s, n)| format!("{s}×{n}")).collect();
    println!(
        "{backend:?}: operations walked {}, requests sent {}, statuses seen {}",
        t.operations,
        t.requests,
        statuses.join(" ")
    );
    assert!(t.failures.is_empty(), "{backend:?}: the document is not the truth:\n{}", t.failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn every_operation_answers_as_documented_on_sqlite() {
    let t = walk(Backend::Sqlite).await;
    report(Backend::Sqlite, &t);
    assert!(t.operations >= 17, "every operation walked: {}", t.operations);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_operation_answers_as_documented_on_postgres() {
    let t = walk(Backend::Postgres).await;
    report(Backend::Postgres, &t);
    assert!(t.operations >= 17, "every operation walked: {}", t.operations);
}
