//! CPU time a process has used (user + system), read from `/proc/PID/stat`, so a benchmark can say what the server
//! spent per request whatever the load generator beside it costs.

/// Clock ticks per second of `/proc` times.
fn ticks_per_second() -> f64 {
    // SAFETY: sysconf has no preconditions; a failure answers -1, handled below.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if ticks > 0 { ticks as f64 } else { 100.0 }
}

/// User + system CPU seconds used so far by process `pid`, or `None` when it cannot be read.
pub fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / ticks_per_second())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_its_own_cpu_time_as_it_grows() {
        let before = cpu_seconds(std::process::id()).expect("own stat");
        let mut x = 0u64;
        let started = std::time::Instant::now();
        while started.elapsed().as_millis() < 300 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
        }
        std::hint::black_box(x);
        let after = cpu_seconds(std::process::id()).expect("own stat");
        assert!(after - before >= 0.1, "300 ms of spinning shows as CPU time: {before} → {after}");
        assert_eq!(cpu_seconds(u32::MAX), None);
    }
}
