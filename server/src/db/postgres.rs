//! The PostgreSQL backend: a `deadpool-postgres` pool; each transaction holds one pooled connection from `BEGIN` to
//! `COMMIT`. Values go over the wire in the column's own type (`BIGINT`, `INTEGER`, `TEXT`), whatever [`Val`] holds.

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
        let config: tokio_postgres::Config = url.parse()?;
        let manager = Manager::from_config(
            config,
            tokio_postgres::NoTls,
            ManagerConfig { recycling_method: RecyclingMethod::Fast },
        );
        let pool = Pool::builder(manager).max_size(16).build().map_err(|e| DbError::Pool(e.to_string()))?;
        Ok(PgDb { pool })
    }

    /// Runs `work` in one transaction.
    pub async fn run<T>(&self, work: Work<T>, write: bool) -> ApiResult<T> {
        let client = self.pool.get().await.map_err(|e| DbError::Pool(e.to_string()))?;
        // Read committed is enough: the counter row lock orders writers, and a pull reads committed rows by seq.
        client.batch_execute(if write { "BEGIN" } else { "BEGIN READ ONLY" }).await.map_err(DbError::from)?;
        let mut tx = Tx::Pg(PgTx(client));
        let result = work(&mut tx).await;
        let Tx::Pg(PgTx(client)) = tx else { return result };
        match &result {
            Ok(_) => client.batch_execute("COMMIT").await.map_err(DbError::from)?,
            Err(_) => client.batch_execute("ROLLBACK").await.map_err(DbError::from)?,
        }
        result
    }
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
