//! The device's signing identity: one Ed25519 key per store, made once at enrolment and kept in the store.
//!
//! The secret key lives in the `device_identity` table, so SQLCipher encrypts it at rest with the store's key (which
//! itself comes from Android Keystore / iOS Keychain). It is never logged or printed: [`DeviceIdentity`]'s `Debug`
//! shows only the device id and public key, and the buffers that carry the secret are wiped when dropped.
//! Enrolment also queues the public key in the outbox, so the server learns it on the next push and can verify
//! everything the device signs afterwards.

use ed25519_dalek::{Signer, SigningKey};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use zeroize::Zeroizing;

use super::hex;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::outbox::{self, Op};

/// This device's Ed25519 signing key and the device id it belongs to.
pub struct DeviceIdentity {
    device_id: String,
    key: SigningKey,
}

impl std::fmt::Debug for DeviceIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceIdentity")
            .field("device_id", &self.device_id)
            .field("public_key", &self.public_key_hex())
            .field("secret_key", &"<redacted>")
            .finish()
    }
}

/// What the server is told at enrolment (the outbox payload of entity `device_key`).
#[derive(Serialize)]
struct DeviceKeyRecord<'a> {
    device_id: &'a str,
    public_key: String,
    algorithm: &'static str,
    created_at: &'a str,
}

/// Makes this store's signing identity if it has none, or returns the one it has: calling it twice gives the same
/// key. The new key and its outbox entry commit together.
pub fn enrol(store: &mut Store) -> Result<DeviceIdentity> {
    let node = store.node();
    let device_id = store.device_id()?;
    let tx = store.transaction()?;
    if let Some(existing) = load_from(&tx)? {
        return Ok(existing);
    }
    let mut secret = Zeroizing::new([0u8; 32]);
    getrandom::fill(secret.as_mut())
        .map_err(|e| Error::Io(std::io::Error::other(format!("no randomness for a device key: {e}"))))?;
    let identity = DeviceIdentity { device_id, key: SigningKey::from_bytes(&secret) };
    let created_at = super::now_utc();
    tx.execute(
        "INSERT INTO device_identity (id, device_id, public_key, secret_key, created_at) VALUES (1, ?1, ?2, ?3, ?4)",
        params![identity.device_id, identity.public_key_hex(), &secret[..], created_at],
    )?;
    let hlc = Store::tick(&tx, node)?;
    let record = DeviceKeyRecord {
        device_id: &identity.device_id,
        public_key: identity.public_key_hex(),
        algorithm: "ed25519",
        created_at: &created_at,
    };
    outbox::record(&tx, "device_key", &identity.device_id, Op::Insert, hlc, &record)?;
    tx.commit()?;
    Ok(identity)
}

impl DeviceIdentity {
    /// The identity kept in `store`, or `None` before enrolment.
    pub fn load(store: &Store) -> Result<Option<DeviceIdentity>> {
        load_from(store.conn())
    }

    /// The device this key belongs to.
    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    /// The 32-byte Ed25519 public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }

    /// The public key as 64 lowercase hex digits, as registered with the server.
    pub fn public_key_hex(&self) -> String {
        hex::encode(&self.public_key())
    }

    /// The Ed25519 signature of `message` (deterministic: the same message always gives the same signature).
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.key.sign(message).to_bytes()
    }

    /// [`Self::sign`] as 128 lowercase hex digits.
    pub fn sign_hex(&self, message: &[u8]) -> String {
        hex::encode(&self.sign(message))
    }
}

/// Reads the identity row, checking that it is whole: a secret of the wrong length or a public key that does not
/// belong to the secret means the row was damaged or edited, and signing with it would make evidence that fails.
fn load_from(conn: &rusqlite::Connection) -> Result<Option<DeviceIdentity>> {
    let row = conn
        .query_row("SELECT device_id, public_key, secret_key FROM device_identity WHERE id = 1", [], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, Zeroizing::new(r.get::<_, Vec<u8>>(2)?)))
        })
        .optional()?;
    let Some((device_id, public_key, secret)) = row else {
        return Ok(None);
    };
    let secret: Zeroizing<[u8; 32]> = Zeroizing::new(
        secret.as_slice().try_into().map_err(|_| Error::Corrupt("the device key is not 32 bytes".into()))?,
    );
    let identity = DeviceIdentity { device_id, key: SigningKey::from_bytes(&secret) };
    if identity.public_key_hex() != public_key {
        return Err(Error::Corrupt("the device's public key does not match its secret key".into()));
    }
    Ok(Some(identity))
}
