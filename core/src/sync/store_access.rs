//! How the sync client reaches the store without holding it across a network wait: it asks for the store for one
//! short step at a time ([`with_store`]), so an app's screens keep reading while a sync waits on the network.

use std::sync::Mutex;

use super::error::{SyncError, SyncResult};
use crate::{Error, Store};

/// Something that lends the store for one synchronous step: a `Mutex<Store>`, or an app's own wrapper of one.
pub trait StoreAccess: Send + Sync {
    /// Runs `step` on the store and returns its result; never holds the store after returning.
    fn with_store_dyn(&self, step: &mut dyn FnMut(&mut Store) -> crate::Result<()>) -> SyncResult<()>;
}

impl StoreAccess for Mutex<Store> {
    fn with_store_dyn(&self, step: &mut dyn FnMut(&mut Store) -> crate::Result<()>) -> SyncResult<()> {
        // A poisoned lock means an earlier step panicked mid-way; SQLite rolled its transaction back, so the store
        // itself is consistent and can be used.
        let mut guard = self.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        Ok(step(&mut guard)?)
    }
}

/// Runs `step` on the store `access` lends and returns what it returns.
pub fn with_store<T>(access: &dyn StoreAccess, step: impl FnOnce(&mut Store) -> crate::Result<T>) -> SyncResult<T> {
    let mut step = Some(step);
    let mut out = None;
    access.with_store_dyn(&mut |store| {
        let f = step.take().ok_or_else(|| Error::BadArgument("a store step ran twice".into()))?;
        out = Some(f(store)?);
        Ok(())
    })?;
    out.ok_or_else(|| SyncError::Store(Error::BadArgument("the store lent no access".into())))
}
