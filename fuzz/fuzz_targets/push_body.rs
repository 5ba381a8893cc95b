//! A push body from a device the server does not trust: the wire's `PushRequest` parse, each payload's bounded
//! field reader, the evidence-binding rules over every payload against every link it carries, and the chain
//! verifier over the links. Nothing may panic, and a payload read whole must give the id its kind says.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vieclam_core::evidence::binding::{LinkFacts, bind, field_record_id};
use vieclam_core::evidence::signing::{ChainHead, verify_chain_after};
use vieclam_core::sync::wire::PushRequest;

fuzz_target!(|data: &[u8]| {
    let Ok(req) = serde_json::from_slice::<PushRequest>(data) else { return };
    let report = verify_chain_after(&[7u8; 32], &ChainHead::genesis(), &req.links);
    assert!(report.checked <= req.links.len());
    for m in &req.mutations {
        if m.payload.fields().is_err() {
            continue;
        }
        let body = m.payload.to_value();
        let id = field_record_id(&m.entity, &body);
        for link in req.links.iter().take(8) {
            let facts = LinkFacts {
                device_id: &link.device_id,
                of_author: true,
                kind: &link.kind,
                record_id: &link.record_id,
                body: &link.body,
                problem: None,
                latest: true,
            };
            let _ = bind(&m.entity, id.as_deref().unwrap_or(&m.entity_id), &body, Some(&facts));
        }
    }
});
