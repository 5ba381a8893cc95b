//! Properties of the canonical form and the verifier: member order and whitespace never change the signed bytes,
//! garbage never panics the verifier, and any change to a signed field of a valid chain is caught.

use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;
use vieclam_core::evidence::signing::{
    self, ChainHead, SignedLink, ZERO_HASH, enrol, verify_chain, verify_chain_after, verify_detached,
};

use super::{append_checks, open};

/// A JSON value whose objects keep their members in the order given, so a test can present one record in many
/// orders (serde_json's own `Value` would sort them on the way in).
#[derive(Clone, Debug)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(i) => s.serialize_i64(*i),
            Json::Float(f) => s.serialize_f64(*f),
            Json::Str(t) => s.serialize_str(t),
            Json::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                items.iter().try_for_each(|i| seq.serialize_element(i))?;
                seq.end()
            }
            Json::Obj(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                members.iter().try_for_each(|(k, v)| map.serialize_entry(k, v))?;
                map.end()
            }
        }
    }
}

impl Json {
    /// The same value with every object's members rotated by `turn` (a different order, same content).
    fn reordered(&self, turn: usize) -> Json {
        match self {
            Json::Arr(items) => Json::Arr(items.iter().map(|i| i.reordered(turn)).collect()),
            Json::Obj(members) => {
                let mut members: Vec<_> = members.iter().map(|(k, v)| (k.clone(), v.reordered(turn))).collect();
                if !members.is_empty() {
                    let by = turn % members.len();
                    members.rotate_left(by);
                    if turn % 2 == 1 {
                        members.reverse();
                    }
                }
                Json::Obj(members)
            }
            other => other.clone(),
        }
    }

    /// The value as JSON text with `pad` between every token.
    fn spaced(&self, pad: &str) -> String {
        match self {
            Json::Arr(items) => {
                let inner: Vec<_> = items.iter().map(|i| i.spaced(pad)).collect();
                format!("[{pad}{}{pad}]", inner.join(&format!("{pad},{pad}")))
            }
            Json::Obj(members) => {
                let inner: Vec<_> = members
                    .iter()
                    .map(|(k, v)| format!("{}{pad}:{pad}{}", serde_json::to_string(k).unwrap(), v.spaced(pad)))
                    .collect();
                format!("{{{pad}{}{pad}}}", inner.join(&format!("{pad},{pad}")))
            }
            other => serde_json::to_string(other).unwrap(),
        }
    }
}

fn json_strategy() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-signing::MAX_SAFE_INTEGER..=signing::MAX_SAFE_INTEGER).prop_map(Json::Int),
        (-1e12f64..1e12).prop_map(Json::Float),
        "[a-zA-Zàáạảãđêếệơưữ0-9 \"\\\\\n\u{1f600}]{0,12}".prop_map(Json::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            // Unique keys: a JSON object with a repeated key has no single meaning.
            prop::collection::btree_map("[a-zđư_0-9\u{fffd}\u{1f600}]{0,6}", inner, 0..6)
                .prop_map(|m| Json::Obj(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn canonical_form_ignores_member_order_and_whitespace(
        value in json_strategy(),
        turn in 0usize..12,
        pad in "[ \t\n\r]{0,3}",
    ) {
        let canonical = signing::canonical(&value).unwrap();
        prop_assert_eq!(&signing::canonical(&value.reordered(turn)).unwrap(), &canonical);
        let reparsed: Value = serde_json::from_str(&value.reordered(turn).spaced(&pad)).unwrap();
        prop_assert_eq!(&signing::canonical(&reparsed).unwrap(), &canonical);
        let text = String::from_utf8(canonical).unwrap();
        prop_assert!(signing::is_canonical(&text), "{}", text);
    }

    #[test]
    fn the_verifier_never_panics_on_garbage(
        key in any::<[u8; 32]>(),
        head_seq in any::<i64>(),
        links in prop::collection::vec(garbage_link(), 0..8),
    ) {
        let report = verify_chain(&key, &links);
        prop_assert_eq!(report.checked, links.len());
        prop_assert_eq!(report.ok, report.problems.is_empty());
        let head = ChainHead { seq: head_seq, link_hash: ZERO_HASH.into() };
        let _ = verify_chain_after(&key, &head, &links);
        let _ = verify_detached(&key, b"x", &links.first().map(|l| l.signature.clone()).unwrap_or_default());
    }

    #[test]
    fn any_change_to_a_signed_field_is_caught(
        index in 0usize..6,
        field in 0usize..8,
        at in any::<prop::sample::Index>(),
    ) {
        let (key, links) = &*FIXTURE;
        let mut changed = links.clone();
        let link = &mut changed[index];
        match field {
            0 => link.seq += 1,
            1 => link.kind = flip(&link.kind, at),
            2 => link.record_id = flip(&link.record_id, at),
            3 => link.body = flip(&link.body, at),
            4 => link.body_hash = flip(&link.body_hash, at),
            5 => link.prev_hash = flip(&link.prev_hash, at),
            6 => link.link_hash = flip(&link.link_hash, at),
            _ => link.signature = flip(&link.signature, at),
        }
        prop_assert!(!verify_chain(key, &changed).ok);
    }
}

/// `text` with one character replaced by a different one.
fn flip(text: &str, at: prop::sample::Index) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let i = at.index(chars.len());
    chars[i] = if chars[i] == 'a' { 'b' } else { 'a' };
    chars.into_iter().collect()
}

/// A valid six-link chain and its key, made once for the mutation property.
static FIXTURE: std::sync::LazyLock<([u8; 32], Vec<SignedLink>)> = std::sync::LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = open(dir.path());
    let identity = enrol(&mut store).expect("enrol");
    let links = append_checks(&store, &identity, 0..6);
    (identity.public_key(), links)
});

fn garbage_link() -> impl Strategy<Value = SignedLink> {
    let hexish = || prop_oneof!["[0-9a-f]{64}", "[0-9a-fA-Fxyzễ]{0,130}", "[0-9a-f]{128}"];
    (
        prop_oneof![any::<i64>(), 0i64..10, Just(i64::MAX), Just(i64::MIN)],
        ".{0,8}",
        prop_oneof![".{0,40}", "[a-z_]{0,10}"],
        prop_oneof![".{0,40}", Just("{\"a\":1}".to_owned()), Just("[1e400]".to_owned()), "[\\[{]{0,300}"],
        hexish(),
        hexish(),
        hexish(),
        hexish(),
    )
        .prop_map(|(seq, kind, record_id, body, body_hash, prev_hash, link_hash, signature)| SignedLink {
            seq,
            device_id: "d".into(),
            kind,
            record_id,
            body,
            body_hash,
            prev_hash,
            link_hash,
            signature,
            created_at: String::new(),
        })
}
