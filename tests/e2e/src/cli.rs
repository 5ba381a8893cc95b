//! A field device on the desktop: the real `vieclam` binary over its own data folder (`vieclam --home DIR`), the
//! way a person runs it in a terminal. Each call is a fresh process on the same encrypted store, so what a test
//! sees is what survives between commands: the store on disk, never state held in memory.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use crate::bins;
use crate::error::{Result, io, process};

/// One device's data folder and the commands run on it.
#[derive(Clone, Debug)]
pub struct Device {
    home: PathBuf,
}

impl Device {
    /// A device over `home` (not yet initialised: run `init` first, or use [`Device::init`]).
    pub fn at(home: impl Into<PathBuf>) -> Device {
        Device { home: home.into() }
    }

    /// A device over `home` with a new empty encrypted store (`vieclam init`).
    pub fn init(home: impl Into<PathBuf>) -> Result<Device> {
        let device = Device::at(home);
        std::fs::create_dir_all(&device.home).map_err(io("creating the device's folder"))?;
        device.ok(&["init"])?;
        Ok(device)
    }

    /// The data folder (the store, its key file, the photos).
    pub fn home(&self) -> &Path {
        &self.home
    }

    /// The command `vieclam --home HOME ARGS…`, without any store key from the environment.
    pub fn command(&self, args: &[&str]) -> Result<Command> {
        let mut cmd = Command::new(bins::binary(bins::CLI)?);
        cmd.arg("--home").arg(&self.home).args(args).env_remove("VIECLAM_KEY").stdin(Stdio::null());
        Ok(cmd)
    }

    /// Runs `vieclam ARGS…` to the end, whatever its exit status.
    pub fn run(&self, args: &[&str]) -> Result<Output> {
        self.command(args)?.output().map_err(io("running vieclam"))
    }

    /// Runs `vieclam ARGS…` with `input` on stdin (a password for `--password-stdin`).
    pub fn run_with_stdin(&self, args: &[&str], input: &str) -> Result<Output> {
        let mut child = self
            .command(args)?
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(io("starting vieclam"))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(input.as_bytes()).map_err(io("writing vieclam's stdin"))?;
        }
        child.wait_with_output().map_err(io("waiting for vieclam"))
    }

    /// Runs `vieclam ARGS…` and answers its stdout; an error with both outputs when it exits non-zero.
    pub fn ok(&self, args: &[&str]) -> Result<String> {
        succeeded(args, self.run(args)?)
    }

    /// [`Device::ok`] with `input` on stdin.
    pub fn ok_with_stdin(&self, args: &[&str], input: &str) -> Result<String> {
        succeeded(args, self.run_with_stdin(args, input)?)
    }

    /// Starts `vieclam ARGS…` as a child with stdout and stderr piped (to watch its progress, or kill it).
    pub fn spawn(&self, args: &[&str]) -> Result<Child> {
        self.command(args)?.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().map_err(io("starting vieclam"))
    }

    /// `vieclam login --server URL --username U --password-stdin`.
    pub fn login(&self, server: &str, username: &str, password: &str) -> Result<String> {
        self.ok_with_stdin(
            &["login", "--server", server, "--username", username, "--password-stdin"],
            &format!("{password}\n"),
        )
    }

    /// The store's key, as the shell keeps it in `vieclam.key` (64 hex digits).
    pub fn store_key(&self) -> Result<vieclam_core::DbKey> {
        let hex = std::fs::read_to_string(self.home.join("vieclam.key")).map_err(io("reading vieclam.key"))?;
        let hex = hex.trim();
        let bytes: Option<Vec<u8>> = (0..hex.len() / 2)
            .map(|i| hex.get(i * 2..i * 2 + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect();
        let bytes = bytes.ok_or_else(|| process("vieclam.key", "not hex"))?;
        vieclam_core::DbKey::raw(&bytes).map_err(|e| process("vieclam.key", e.to_string()))
    }

    /// Opens the device's store directly (after the CLI has ended), for checks the CLI does not print.
    pub fn open_store(&self) -> Result<vieclam_core::Store> {
        vieclam_core::Store::open(self.home.join("vieclam.db"), &self.store_key()?)
            .map_err(|e| process("opening the device's store", e.to_string()))
    }
}

/// The stdout of a run that succeeded, or an error naming the command with both outputs.
fn succeeded(args: &[&str], out: Output) -> Result<String> {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        return Ok(stdout);
    }
    Err(process(
        format!("vieclam {}", args.join(" ")),
        format!("exited with {}:\n{stdout}{}", out.status, String::from_utf8_lossy(&out.stderr)),
    ))
}

/// Answers every required question of check `code`'s checklist (`check questions` marks them with `*`): "có" to
/// "purpose kept", "không" to the other yes/no questions, 2 to numbers, the first choice of a list.
pub fn answer_checklist(device: &Device, code: &str) -> Result<()> {
    let questions = device.ok(&["check", "questions"])?;
    for line in questions.lines().filter(|l| l.contains(" *  [")) {
        let key = line.split_whitespace().next().unwrap_or_default();
        let kind = line.rsplit('[').next().unwrap_or_default().trim_end_matches(']');
        let value = match kind {
            "có/không" if key == "purpose_kept" => "có",
            "có/không" => "không",
            "số" => "2",
            choices => choices.split('|').next().unwrap_or_default(),
        };
        device.ok(&["check", "answer", code, key, value])?;
    }
    Ok(())
}

/// The value after `marker` in `text` up to the next space, closing bracket or full stop: `code_after(out, "kiểm
/// tra ")` reads `KT-…` from "Đã bắt đầu kiểm tra KT-… (mã …)".
pub fn word_after(text: &str, marker: &str) -> Option<String> {
    let rest = text.split(marker).nth(1)?;
    let word: String = rest.chars().take_while(|c| !c.is_whitespace() && !matches!(c, ')' | ';')).collect();
    let word = word.trim_end_matches('.').to_owned();
    (!word.is_empty()).then_some(word)
}

/// A small camera-like JPEG (640×480, no EXIF of its own) whose pixels depend on `variant`, so two photos never
/// share a hash.
pub fn camera_jpeg(path: &Path, variant: u8) -> Result<()> {
    let (w, h) = (640u16, 480u16);
    let rgb: Vec<u8> = (0..w as usize * h as usize)
        .flat_map(|i| [(i % 251) as u8, (i % 83) as u8 ^ variant, 90u8.wrapping_add(variant)])
        .collect();
    let encoder = jpeg_encoder::Encoder::new_file(path, 90).map_err(|e| process("writing a JPEG", e.to_string()))?;
    encoder.encode(&rgb, w, h, jpeg_encoder::ColorType::Rgb).map_err(|e| process("writing a JPEG", e.to_string()))
}
