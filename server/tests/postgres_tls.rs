//! PostgreSQL over TLS: a throwaway cluster with `ssl=on` and a certificate from a CA made in the test (openssl
//! CLI) takes `sslmode=verify-full` (and `require`) with `sslrootcert=` naming that CA, and queries work; without
//! the CA the certificate is refused; `sslmode=require` against the tests' plain cluster fails with a clear error.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use vieclam_server::db::Db;
use vieclam_server::{params, work};

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A CA, and a server certificate it signed for `localhost` and 127.0.0.1, in `dir`.
fn certificates(dir: &Path) {
    let ossl = || {
        let mut c = Command::new("openssl");
        c.current_dir(dir);
        c
    };
    run(ossl().args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]).args([
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        "2",
        "-subj",
        "/CN=vieclam test CA",
    ]));
    run(ossl().args(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]).args([
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=localhost",
    ]));
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n\
         extendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(ossl()
        .args(["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial"])
        .args(["-out", "server.crt", "-days", "2", "-extfile", "ext.cnf"]));
}

/// Starts a cluster with `ssl=on` in `dir/data`; answers its port. Stopped by [`stop`].
fn start_ssl_cluster(dir: &Path) -> u16 {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    run(Command::new("chown").args(["-R", "postgres:postgres"]).arg(dir));
    run(Command::new("chmod").arg("600").arg(dir.join("server.key")));
    run(Command::new("runuser")
        .args(["-u", "postgres", "--"])
        .arg(vieclam_test_support::pg_bin().join("initdb"))
        .arg("-D")
        .arg(&data)
        .args(["--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
        .stdout(Stdio::null()));
    let port = common::free_port();
    let opts = format!(
        "-p {port} -k {d} -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on -c ssl_cert_file={d}/server.crt \
         -c ssl_key_file={d}/server.key",
        d = dir.display()
    );
    run(Command::new("runuser")
        .args(["-u", "postgres", "--"])
        .arg(vieclam_test_support::pg_bin().join("pg_ctl"))
        .arg("-D")
        .arg(&data)
        .args(["-o", &opts, "-l"])
        .arg(dir.join("log"))
        .args(["-w", "start"])
        .stdout(Stdio::null()));
    port
}

fn stop(dir: &Path) {
    let _ = Command::new("runuser")
        .args(["-u", "postgres", "--"])
        .arg(vieclam_test_support::pg_bin().join("pg_ctl"))
        .arg("-D")
        .arg(dir.join("data"))
        .args(["-m", "immediate", "stop"])
        .stdout(Stdio::null())
        .status();
}

/// What the server binary says when it cannot open the database at `url` (it must fail). Its data folder (photos) is
/// a temporary one, never the source tree.
fn server_error(url: &str) -> String {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(common::bin())
        .arg("--data")
        .arg(data.path())
        .args(["--database-url", url, "demo"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!out.status.success(), "{url} opened");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

async fn one(db: &Db) -> i64 {
    db.read(work!(|tx| async move { Ok(tx.one("SELECT 41 + 1", params![]).await?.map_or(0, |r| r.int(0))) }))
        .await
        .expect("query")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_over_tls_when_the_url_asks_for_it() {
    let dir = tempfile::tempdir().unwrap();
    certificates(dir.path());
    let port = start_ssl_cluster(dir.path());
    let ca = dir.path().join("ca.crt");
    let server_data = dir.path().join("server");
    let result = async move {
        for (host, mode) in [("localhost", "verify-full"), ("127.0.0.1", "require")] {
            let url = format!("postgres://postgres@{host}:{port}/postgres?sslmode={mode}&sslrootcert={}", ca.display());
            let db = Db::open_postgres(&url).await.unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(one(&db).await, 42);
        }
        // The CA given to the binary with --database-ca: it opens the database and seeds it.
        let url = format!("postgres://postgres@localhost:{port}/postgres?sslmode=verify-full");
        let out = Command::new(common::bin())
            .arg("--data")
            .arg(&server_data)
            .args(["--database-url", &url, "--database-ca"])
            .arg(&ca)
            .arg("demo")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // TLS without the private CA: the certificate is not trusted.
        let url = format!("postgres://postgres@localhost:{port}/postgres?sslmode=verify-full");
        let err = server_error(&url);
        assert!(err.contains("TLS handshake") && err.contains("UnknownIssuer"), "{err}");
        // The plain cluster of the other tests: no TLS there, so `require` fails, saying so.
        let plain = format!("{}/postgres?sslmode=require", common::pg().base_url);
        let err = server_error(&plain);
        assert!(err.contains("server does not support TLS"), "{err}");
        // And without sslmode it connects in plain as before.
        let db = Db::open_postgres(&format!("{}/postgres", common::pg().base_url)).await.expect("plain");
        assert_eq!(one(&db).await, 42);
    };
    let outcome = tokio::spawn(result).await;
    stop(dir.path());
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
