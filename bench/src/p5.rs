//! P5: one 4000×3000 camera JPEG through the whole photo path — decode, orient, resize, stamp, EXIF, encode,
//! hash, store by content address, and record on a check with its signed chain link and outbox entry.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use jpeg_encoder::{ColorType, Encoder};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use vieclam_core::checks::fix::Fix;
use vieclam_core::checks::lifecycle::{self as lc, CheckVerdict, take_photo};
use vieclam_core::checks::settings::CheckSettings;
use vieclam_core::checks::verdict::{SiteGeometry, verdict};
use vieclam_core::demo::{self, DemoSpec};
use vieclam_core::evidence::photo::PhotoStore;
use vieclam_core::evidence::signing::enrol;
use vieclam_core::{DbKey, Store};

use vieclam_test_support::bench_rows;

use crate::Row;

/// A 4000×3000 camera-like JPEG: smooth gradients (sky, field) with sensor noise, at quality 92.
fn camera_jpeg(seed: u64) -> Vec<u8> {
    let (w, h) = (4000u16, 3000u16);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut rgb = Vec::with_capacity(w as usize * h as usize * 3);
    for y in 0..h as u32 {
        for x in 0..w as u32 {
            let n: i32 = rng.random_range(-12..12);
            let sky = y < 1200;
            let (r, g, b): (u32, u32, u32) =
                if sky { (120 + x / 60, 170 + y / 30, 230) } else { (60 + (x / 40) % 90, 120 + (y / 25) % 80, 40) };
            for c in [r as i32 + n, g as i32 + n, b as i32 + n] {
                rgb.push(c.clamp(0, 255) as u8);
            }
        }
    }
    let mut out = Vec::new();
    Encoder::new(&mut out, 92).encode(&rgb, w, h, ColorType::Rgb).expect("encodes");
    out
}

/// Measures P5 over `samples` photos (one decode-to-record each).
pub fn run(dir: &Path, samples: usize) -> vieclam_core::Result<Vec<Row>> {
    let work = dir.join("p5");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let mut store = Store::open(work.join("p5.db"), &DbKey::Raw([5; 32]))?;
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 15).expect("valid date");
    let batch = demo::load(&mut store, DemoSpec { loans: 100, seed: 5, as_of })?;
    let identity = enrol(&mut store)?;
    let site = &batch.sites[0];
    let t0 = Utc.with_ymd_and_hms(2026, 11, 15, 2, 0, 0).single().expect("valid time");
    let fix = Fix {
        lat: site.lat,
        lon: site.lon,
        accuracy_m: 4.0,
        altitude_m: Some(350.0),
        time: t0,
        provider: "gps".into(),
        satellites: Some(12),
        mocked: false,
    };
    let v = verdict(&fix, &SiteGeometry::from(site), &CheckSettings::default());
    let check = lc::start(&mut store, &identity, &site.id, &fix, &CheckVerdict::from(&v), t0)?;
    let photos = PhotoStore::new(work.join("photos"));
    let inputs: Vec<Vec<u8>> = (0..samples.min(4) as u64).map(camera_jpeg).collect();
    let mut times: Vec<Duration> = Vec::new();
    let mut largest = 0u64;
    for i in 0..samples {
        let input = &inputs[i % inputs.len()];
        let now = t0 + chrono::Duration::seconds(60 + i as i64);
        let start = Instant::now();
        let taken =
            take_photo(&mut store, &identity, &check, input, None, None, &photos, &CheckSettings::default(), now)?;
        times.push(start.elapsed());
        largest = largest.max(taken.size_bytes);
    }
    times.sort();
    let median = times[times.len() / 2];
    let worst = times[times.len() - 1];
    let input_kb = inputs[0].len() / 1000;
    Ok(vec![
        Row {
            id: &bench_rows::P5A,
            what: format!("P5 photo 4000×3000 ({input_kb} KB) → stored and signed, median of {samples}"),
            measured: format!("{:.0} ms", median.as_secs_f64() * 1e3),
            budget: "≤ 400 ms".into(),
            ok: median.as_secs_f64() <= 0.4,
        },
        Row {
            id: &bench_rows::P5B,
            what: format!("P5 same, slowest of {samples}"),
            measured: format!("{:.0} ms", worst.as_secs_f64() * 1e3),
            budget: "≤ 400 ms".into(),
            ok: worst.as_secs_f64() <= 0.4,
        },
        Row {
            id: &bench_rows::P5C,
            what: "P5 largest output JPEG".into(),
            measured: format!("{:.0} KB", largest as f64 / 1000.0),
            budget: "≤ 400 KB".into(),
            ok: largest <= 400_000,
        },
    ])
}
