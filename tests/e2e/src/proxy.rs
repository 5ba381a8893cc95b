//! A TCP proxy between a client and the server that injects the faults of the field, one per connection: pass,
//! drop before forwarding, delay, reset mid-request or mid-response, truncate a response, duplicate a request.
//! The choice comes from a [`FaultPolicy`]: a script for tests of one fault, or a seeded RNG for fault rounds (the
//! same seed and the same order of connections give the same faults, so a failing round can be replayed).
//!
//! It counts what it forwards, so the benchmarks measure bytes on the wire (compressed, headers included) here.

mod faults;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

pub use faults::{Fault, FaultKind, FaultMix, FaultPolicy};

use crate::http::{self, Side};
use faults::Chooser;

/// How long the duplicate's answer may take before it is given up on (the client's answer does not wait for it
/// longer than that).
const DUPLICATE_TIMEOUT: Duration = Duration::from_secs(30);

/// What the proxy has done so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProxyStats {
    /// Connections accepted.
    pub connections: u64,
    /// Connections per fault, in [`FaultKind::ALL`] order.
    pub faults: [u64; 7],
    /// Bytes forwarded from clients to the server (duplicates not counted).
    pub bytes_up: u64,
    /// Bytes forwarded from the server to clients.
    pub bytes_down: u64,
    /// Connections the server refused (it was down or restarting).
    pub upstream_refused: u64,
    /// Whole HTTP requests forwarded to the server (a keep-alive connection carries several): the round trips.
    pub requests: u64,
}

impl ProxyStats {
    /// Connections that got `kind`.
    pub fn count(&self, kind: FaultKind) -> u64 {
        self.faults[kind.index()]
    }

    /// Connections that got any fault but [`FaultKind::Pass`].
    pub fn injected(&self) -> u64 {
        self.faults.iter().sum::<u64>() - self.count(FaultKind::Pass)
    }
}

#[derive(Default)]
struct Counters {
    connections: AtomicU64,
    faults: [AtomicU64; 7],
    bytes_up: AtomicU64,
    bytes_down: AtomicU64,
    upstream_refused: AtomicU64,
    requests: AtomicU64,
}

struct Shared {
    upstream: SocketAddr,
    chooser: Mutex<Chooser>,
    counters: Counters,
}

/// A running proxy; it stops accepting when dropped.
pub struct Proxy {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: JoinHandle<()>,
}

impl Proxy {
    /// Starts a proxy to `upstream` on a free loopback port, on the current tokio runtime.
    pub async fn start(upstream: SocketAddr, policy: FaultPolicy) -> std::io::Result<Proxy> {
        Proxy::start_on(&tokio::runtime::Handle::current(), upstream, policy)
    }

    /// Starts a proxy to `upstream` on a free loopback port, on the runtime `rt` (for callers that are not async
    /// themselves: the tests that drive the CLI as child processes).
    pub fn start_on(rt: &tokio::runtime::Handle, upstream: SocketAddr, policy: FaultPolicy) -> std::io::Result<Proxy> {
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let shared =
            Arc::new(Shared { upstream, chooser: Mutex::new(Chooser::new(policy)), counters: Counters::default() });
        let accept_shared = shared.clone();
        let accept = rt.spawn(async move {
            let Ok(listener) = TcpListener::from_std(std_listener) else { return };
            while let Ok((client, _)) = listener.accept().await {
                let fault = match accept_shared.chooser.lock() {
                    Ok(mut chooser) => chooser.next(),
                    Err(_) => Fault::Pass,
                };
                let c = &accept_shared.counters;
                c.connections.fetch_add(1, Ordering::Relaxed);
                c.faults[fault.kind().index()].fetch_add(1, Ordering::Relaxed);
                tokio::spawn(handle(client, fault, accept_shared.clone()));
            }
        });
        Ok(Proxy { addr, shared, accept })
    }

    /// Where clients connect.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Replaces the policy for the connections that follow.
    pub fn set_policy(&self, policy: FaultPolicy) {
        if let Ok(mut chooser) = self.shared.chooser.lock() {
            *chooser = Chooser::new(policy);
        }
    }

    /// A snapshot of the counters.
    pub fn stats(&self) -> ProxyStats {
        let c = &self.shared.counters;
        let mut faults = [0; 7];
        for (slot, counter) in faults.iter_mut().zip(&c.faults) {
            *slot = counter.load(Ordering::Relaxed);
        }
        ProxyStats {
            connections: c.connections.load(Ordering::Relaxed),
            faults,
            bytes_up: c.bytes_up.load(Ordering::Relaxed),
            bytes_down: c.bytes_down.load(Ordering::Relaxed),
            upstream_refused: c.upstream_refused.load(Ordering::Relaxed),
            requests: c.requests.load(Ordering::Relaxed),
        }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// How a connection ends when a limit is reached.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    Reset,
    Close,
}

async fn handle(client: TcpStream, fault: Fault, shared: Arc<Shared>) {
    let _ = client.set_nodelay(true);
    match fault {
        Fault::Pass => pass(client, Vec::new(), &shared, None, None, Cut::Close).await,
        Fault::Drop => drop(client),
        Fault::Delay(d) => {
            tokio::time::sleep(d).await;
            pass(client, Vec::new(), &shared, None, None, Cut::Close).await;
        }
        Fault::ResetRequest(n) => pass(client, Vec::new(), &shared, Some(n), None, Cut::Reset).await,
        Fault::ResetResponse(n) => pass(client, Vec::new(), &shared, None, Some(n), Cut::Reset).await,
        Fault::TruncateResponse(n) => pass(client, Vec::new(), &shared, None, Some(n), Cut::Close).await,
        Fault::Duplicate => duplicate(client, &shared).await,
    }
}

/// Reads the client's first request whole, has the server answer a copy of it on a connection of its own (the
/// answer is thrown away), then forwards the original as a plain pass.
async fn duplicate(mut client: TcpStream, shared: &Shared) {
    let mut request = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let first_len = loop {
        if let Some(n) = http::message_len(&request, Side::Request) {
            break n;
        }
        match client.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    };
    let copy = request[..first_len].to_vec();
    let _ = tokio::time::timeout(DUPLICATE_TIMEOUT, exchange_once(shared.upstream, &copy)).await;
    pass(client, request, shared, None, None, Cut::Close).await;
}

/// Sends one request on a new connection and reads its whole answer (or until the server closes).
async fn exchange_once(upstream: SocketAddr, request: &[u8]) -> std::io::Result<()> {
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(request).await?;
    let side = Side::Response { to_head: http::is_head(request) };
    let mut answer = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    while http::message_len(&answer, side).is_none() {
        let n = server.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buf[..n]);
    }
    Ok(())
}

/// Forwards both ways (after `preface`, bytes already read from the client); `up_limit` / `down_limit` cut the
/// connection after that many bytes in that direction, the way `cut` says.
async fn pass(
    mut client: TcpStream,
    preface: Vec<u8>,
    shared: &Shared,
    up_limit: Option<usize>,
    down_limit: Option<usize>,
    cut: Cut,
) {
    let Ok(mut server) = TcpStream::connect(shared.upstream).await else {
        shared.counters.upstream_refused.fetch_add(1, Ordering::Relaxed);
        return;
    };
    let _ = server.set_nodelay(true);
    if cut == Cut::Reset {
        // Linger 0: closing sends RST, not FIN, so both ends see a reset, not a short message.
        let _ = client.set_zero_linger();
        let _ = server.set_zero_linger();
    }
    let mut up_left = up_limit.unwrap_or(usize::MAX);
    let mut down_left = down_limit.unwrap_or(usize::MAX);
    let c = &shared.counters;
    let mut framer = RequestFramer::default();
    if !preface.is_empty() {
        let n = preface.len().min(up_left);
        framer.feed(&preface[..n], &c.requests);
        if server.write_all(&preface[..n]).await.is_err() {
            return;
        }
        c.bytes_up.fetch_add(n as u64, Ordering::Relaxed);
        up_left -= n;
        if up_limit.is_some() && up_left == 0 {
            return;
        }
    }
    let (mut cr, mut cw) = client.split();
    let (mut sr, mut sw) = server.split();
    let mut up_buf = vec![0u8; 16 * 1024];
    let mut down_buf = vec![0u8; 16 * 1024];
    let (mut up_open, mut down_open) = (true, true);
    while up_open || down_open {
        tokio::select! {
            r = cr.read(&mut up_buf), if up_open => {
                if let Ok(n) = r {
                    framer.feed(&up_buf[..n.min(up_left)], &c.requests);
                }
                match forward(r, &up_buf, &mut sw, &mut up_left, &c.bytes_up).await {
                    Step::More => {}
                    Step::Eof => { up_open = false; let _ = sw.shutdown().await; }
                    Step::Stop => return,
                }
            }
            r = sr.read(&mut down_buf), if down_open => {
                match forward(r, &down_buf, &mut cw, &mut down_left, &c.bytes_down).await {
                    Step::More => {}
                    Step::Eof => { down_open = false; let _ = cw.shutdown().await; }
                    Step::Stop => return,
                }
            }
        }
    }
}

/// Counts the whole requests in a client's byte stream, as they are forwarded.
#[derive(Default)]
struct RequestFramer {
    pending: Vec<u8>,
}

impl RequestFramer {
    fn feed(&mut self, bytes: &[u8], counter: &AtomicU64) {
        self.pending.extend_from_slice(bytes);
        while let Some(n) = http::message_len(&self.pending, Side::Request) {
            counter.fetch_add(1, Ordering::Relaxed);
            self.pending.drain(..n);
        }
    }
}

enum Step {
    More,
    Eof,
    Stop,
}

/// Writes what one read brought, up to the bytes `left` in this direction; `Stop` when the limit is reached or
/// either side failed.
async fn forward<W: AsyncWrite + Unpin>(
    read: std::io::Result<usize>,
    buf: &[u8],
    to: &mut W,
    left: &mut usize,
    counter: &AtomicU64,
) -> Step {
    let n = match read {
        Ok(0) => return Step::Eof,
        Ok(n) => n,
        Err(_) => return Step::Stop,
    };
    let allowed = n.min(*left);
    if to.write_all(&buf[..allowed]).await.is_err() {
        return Step::Stop;
    }
    counter.fetch_add(allowed as u64, Ordering::Relaxed);
    *left -= allowed;
    if allowed < n || *left == 0 { Step::Stop } else { Step::More }
}
