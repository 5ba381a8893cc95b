//! The PostgreSQL backend: a `deadpool-postgres` pool; each transaction holds one pooled connection from `BEGIN` to
//! `COMMIT`. Values go over the wire in the column's own type (`BIGINT`, `INTEGER`, `TEXT`), whatever [`Val`] holds.
//!
//! TLS when the URL asks for it: `sslmode=require`, `verify-ca` or `verify-full` connect with rustls and always verify
//! the server's certificate and name (against the public roots of webpki-roots, plus the private CA a
//! `sslrootcert=FILE` names); without `sslmode`, or with `disable`/`prefer`, the connection stays plain as before.

use bytes::BytesMut;
use deadpool_postgres::{Manager, ManagerConfig, Object, Pool, RecyclingMethod};
use tokio_postgres::types::{IsNull, ToSql, Type, to_sql_checked};

use super::{DbError, DbResult, Row, Tx, Val, Work};
use crate::error::ApiResult;

/// The pool.
pub struct PgDb {
    pool: Pool,
}

/// A transaction on one pooled connection.
pub struct PgTx(Object);

impl PgDb {
    /// Builds the pool for `url` (connections open lazily).
    pub fn connect(url: &str) -> DbResult<PgDb> {
        let (url, tls) = tls_options(url)?;
        let config: tokio_postgres::Config = url.parse()?;
        let recycling = ManagerConfig { recycling_method: RecyclingMethod::Fast };
        let manager = match tls {
            Some(ca) => Manager::from_config(config, rustls_connector(ca.as_deref())?, recycling),
            None => Manager::from_config(config, tokio_postgres::NoTls, recycling),
        };
        let pool = Pool::builder(manager).max_size(16).build().map_err(|e| DbError::Pool(e.to_string()))?;
        Ok(PgDb { pool })
    }

    /// Runs `work` in one transaction.
    pub async fn run<T>(&self, work: Work<T>, write: bool) -> ApiResult<T> {
        let client = self.pool.get().await.map_err(|e| DbError::Pool(with_causes(&e)))?;
        // Read committed is enough: the counter row lock orders writers, and a pull reads committed rows by seq.
        client.batch_execute(if write { "BEGIN" } else { "BEGIN READ ONLY" }).await.map_err(DbError::from)?;
        let mut tx = Tx::Pg(Box::new(PgTx(client)));
        let result = work(&mut tx).await;
        let Tx::Pg(pg) = tx else { return result };
        let PgTx(client) = *pg;
        match &result {
            Ok(_) => client.batch_execute("COMMIT").await.map_err(DbError::from)?,
            Err(_) => client.batch_execute("ROLLBACK").await.map_err(DbError::from)?,
        }
        result
    }
}

/// An error with its causes (`error performing TLS handshake: … UnknownIssuer`): the pool's own message stops at the
/// first line, which says nothing of why a TLS connection failed.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let more = c.to_string();
        if !text.contains(&more) {
            text = format!("{text}: {more}");
        }
        cause = c.source();
    }
    text
}

/// Splits what tokio-postgres does not read out of a `postgres://` URL: `sslrootcert=FILE` is taken out, and
/// `sslmode=verify-ca|verify-full` becomes `require` (rustls verifies in every TLS mode). Answers the URL to parse and,
/// when TLS is asked for, the private CA file if any.
fn tls_options(url: &str) -> DbResult<(String, Option<Option<std::path::PathBuf>>)> {
    let Ok(mut parsed) = url::Url::parse(url) else { return Ok((url.to_owned(), None)) };
    if !matches!(parsed.scheme(), "postgres" | "postgresql") {
        return Ok((url.to_owned(), None));
    }
    let (mut tls, mut ca) = (false, None);
    let mut kept = Vec::new();
    for (k, v) in parsed.query_pairs() {
        match (k.as_ref(), v.as_ref()) {
            ("sslrootcert", file) => ca = Some(std::path::PathBuf::from(file)),
            ("sslmode", "require" | "verify-ca" | "verify-full") => {
                tls = true;
                kept.push(("sslmode".to_owned(), "require".to_owned()));
            }
            _ => kept.push((k.into_owned(), v.into_owned())),
        }
    }
    if ca.is_some() && !tls {
        return Err(DbError::Other("sslrootcert needs sslmode=require, verify-ca or verify-full".into()));
    }
    parsed.set_query(None);
    if !kept.is_empty() {
        parsed.query_pairs_mut().extend_pairs(kept);
    }
    Ok((parsed.to_string(), tls.then_some(ca)))
}

/// A rustls connector trusting the public roots and, if given, the CA certificates of a PEM file.
fn rustls_connector(ca: Option<&std::path::Path>) -> DbResult<tokio_postgres_rustls::MakeRustlsConnect> {
    use rustls_pki_types::CertificateDer;
    use rustls_pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    if let Some(file) = ca {
        let bad = |e: &dyn std::fmt::Display| DbError::Other(format!("sslrootcert {}: {e}", file.display()));
        let certs: Vec<CertificateDer> =
            CertificateDer::pem_file_iter(file).map_err(|e| bad(&e))?.collect::<Result<_, _>>().map_err(|e| bad(&e))?;
        if certs.is_empty() {
            return Err(bad(&"no certificate in the file"));
        }
        for c in certs {
            roots.add(c).map_err(|e| bad(&e))?;
        }
    }
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| DbError::Other(format!("TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

impl ToSql for Val {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Val::Null => Ok(IsNull::Yes),
            Val::Int(n) => match *ty {
                Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*n)?.to_sql(ty, out),
                Type::BOOL => (*n != 0).to_sql(ty, out),
                Type::TEXT | Type::VARCHAR => n.to_string().to_sql(ty, out),
                _ => n.to_sql(ty, out),
            },
            Val::Text(s) => match *ty {
                Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => s.parse::<i32>()?.to_sql(ty, out),
                _ => s.as_str().to_sql(ty, out),
            },
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn read_row(row: &tokio_postgres::Row) -> DbResult<Row> {
    let mut vals = Vec::with_capacity(row.len());
    for (i, col) in row.columns().iter().enumerate() {
        let v = match *col.type_() {
            Type::INT8 => row.try_get::<_, Option<i64>>(i)?.map_or(Val::Null, Val::Int),
            Type::INT4 => row.try_get::<_, Option<i32>>(i)?.map_or(Val::Null, |n| Val::Int(n.into())),
            Type::INT2 => row.try_get::<_, Option<i16>>(i)?.map_or(Val::Null, |n| Val::Int(n.into())),
            Type::BOOL => row.try_get::<_, Option<bool>>(i)?.map_or(Val::Null, |b| Val::Int(b.into())),
            _ => row.try_get::<_, Option<String>>(i)?.map_or(Val::Null, Val::Text),
        };
        vals.push(v);
    }
    Ok(Row(vals))
}

impl PgTx {
    fn refs(params: &[Val]) -> Vec<&(dyn ToSql + Sync)> {
        params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
    }

    /// Runs a statement.
    pub async fn exec(&mut self, sql: &str, params: &[Val]) -> DbResult<u64> {
        let st = self.0.prepare_cached(sql).await?;
        Ok(self.0.execute(&st, &Self::refs(params)).await?)
    }

    /// Runs a query.
    pub async fn query(&mut self, sql: &str, params: &[Val]) -> DbResult<Vec<Row>> {
        let st = self.0.prepare_cached(sql).await?;
        self.0.query(&st, &Self::refs(params)).await?.iter().map(read_row).collect()
    }

    /// Runs several statements (a migration file).
    pub async fn batch(&mut self, sql: &str) -> DbResult<()> {
        Ok(self.0.batch_execute(sql).await?)
    }
}
