//! The faults the proxy injects and how it chooses them: a fixed script (for tests of one fault) or a seeded
//! random mix (for fault rounds, replayable from the seed).

use std::collections::VecDeque;
use std::time::Duration;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What the proxy does to one connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Forward both ways untouched.
    Pass,
    /// Close the client's connection before anything reaches the server.
    Drop,
    /// Wait this long before connecting to the server, then pass.
    Delay(Duration),
    /// Forward this many request bytes, then reset both connections (the request is cut mid-body).
    ResetRequest(usize),
    /// Forward the request whole and this many response bytes, then reset both connections.
    ResetResponse(usize),
    /// Forward this many response bytes, then close both connections cleanly (a short answer).
    TruncateResponse(usize),
    /// Send the first request to the server twice (the copy on a second connection, its answer thrown away), then
    /// pass: the client sees one answer, the server saw the request twice.
    Duplicate,
}

/// The kinds of [`Fault`], for counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaultKind {
    /// [`Fault::Pass`].
    Pass,
    /// [`Fault::Drop`].
    Drop,
    /// [`Fault::Delay`].
    Delay,
    /// [`Fault::ResetRequest`].
    ResetRequest,
    /// [`Fault::ResetResponse`].
    ResetResponse,
    /// [`Fault::TruncateResponse`].
    TruncateResponse,
    /// [`Fault::Duplicate`].
    Duplicate,
}

impl FaultKind {
    /// Every kind, in table order.
    pub const ALL: [FaultKind; 7] = [
        FaultKind::Pass,
        FaultKind::Drop,
        FaultKind::Delay,
        FaultKind::ResetRequest,
        FaultKind::ResetResponse,
        FaultKind::TruncateResponse,
        FaultKind::Duplicate,
    ];

    /// A short stable name, e.g. `reset_request`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FaultKind::Pass => "pass",
            FaultKind::Drop => "drop",
            FaultKind::Delay => "delay",
            FaultKind::ResetRequest => "reset_request",
            FaultKind::ResetResponse => "reset_response",
            FaultKind::TruncateResponse => "truncate_response",
            FaultKind::Duplicate => "duplicate",
        }
    }

    /// The position in [`FaultKind::ALL`].
    pub fn index(self) -> usize {
        FaultKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }
}

impl Fault {
    /// Its kind.
    pub fn kind(self) -> FaultKind {
        match self {
            Fault::Pass => FaultKind::Pass,
            Fault::Drop => FaultKind::Drop,
            Fault::Delay(_) => FaultKind::Delay,
            Fault::ResetRequest(_) => FaultKind::ResetRequest,
            Fault::ResetResponse(_) => FaultKind::ResetResponse,
            Fault::TruncateResponse(_) => FaultKind::TruncateResponse,
            Fault::Duplicate => FaultKind::Duplicate,
        }
    }
}

/// A seeded random mix of faults: a weight per kind, and the ranges the random sizes are drawn from.
#[derive(Clone, Debug)]
pub struct FaultMix {
    /// Seed of the RNG: the same seed and the same order of connections give the same faults.
    pub seed: u64,
    /// Weights, in [`FaultKind::ALL`] order.
    pub weights: [u32; 7],
    /// The longest delay.
    pub max_delay: Duration,
    /// The most bytes forwarded before a cut (requests and responses alike).
    pub max_cut: usize,
}

impl FaultMix {
    /// Half the connections pass; the other half spread over every fault.
    pub fn field(seed: u64) -> FaultMix {
        FaultMix { seed, weights: [12, 2, 2, 2, 2, 2, 2], max_delay: Duration::from_millis(300), max_cut: 2048 }
    }
}

/// How the proxy picks each connection's fault.
#[derive(Clone, Debug)]
pub enum FaultPolicy {
    /// Every connection passes.
    Pass,
    /// These faults for the next connections in order, then pass.
    Script(VecDeque<Fault>),
    /// Drawn from a seeded mix.
    Random(FaultMix),
}

/// The live state of a policy (the script's position, the RNG).
pub(crate) enum Chooser {
    Pass,
    Script(VecDeque<Fault>),
    Random(FaultMix, Box<ChaCha8Rng>),
}

impl Chooser {
    pub(crate) fn new(policy: FaultPolicy) -> Chooser {
        match policy {
            FaultPolicy::Pass => Chooser::Pass,
            FaultPolicy::Script(faults) => Chooser::Script(faults),
            FaultPolicy::Random(mix) => {
                let rng = ChaCha8Rng::seed_from_u64(mix.seed);
                Chooser::Random(mix, Box::new(rng))
            }
        }
    }

    pub(crate) fn next(&mut self) -> Fault {
        match self {
            Chooser::Pass => Fault::Pass,
            Chooser::Script(faults) => faults.pop_front().unwrap_or(Fault::Pass),
            Chooser::Random(mix, rng) => draw(mix, rng),
        }
    }
}

fn draw(mix: &FaultMix, rng: &mut ChaCha8Rng) -> Fault {
    let total: u32 = mix.weights.iter().sum();
    if total == 0 {
        return Fault::Pass;
    }
    let mut pick = rng.random_range(0..total);
    let mut kind = FaultKind::Pass;
    for (k, w) in FaultKind::ALL.iter().zip(mix.weights) {
        if pick < w {
            kind = *k;
            break;
        }
        pick -= w;
    }
    let cut = rng.random_range(0..=mix.max_cut);
    let max_ms = u64::try_from(mix.max_delay.as_millis()).unwrap_or(u64::MAX);
    match kind {
        FaultKind::Pass => Fault::Pass,
        FaultKind::Drop => Fault::Drop,
        FaultKind::Delay => Fault::Delay(Duration::from_millis(rng.random_range(0..=max_ms))),
        FaultKind::ResetRequest => Fault::ResetRequest(cut),
        FaultKind::ResetResponse => Fault::ResetResponse(cut),
        FaultKind::TruncateResponse => Fault::TruncateResponse(cut),
        FaultKind::Duplicate => Fault::Duplicate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_faults() {
        let run = |seed| {
            let mut c = Chooser::new(FaultPolicy::Random(FaultMix::field(seed)));
            (0..200).map(|_| c.next()).collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
        let kinds: std::collections::BTreeSet<_> = run(7).into_iter().map(Fault::kind).collect();
        assert_eq!(kinds.len(), FaultKind::ALL.len(), "200 draws of the field mix reach every kind");
    }
}
