//! The command line: `vieclam [--lang en] [--home DIR] [--on dd/MM/yyyy] COMMAND`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Vieclam: job-creation loans, site checks and worker registrations, offline (Vietnamese by default).
#[derive(Debug, Parser)]
#[command(name = "vieclam", version, about)]
pub struct Cli {
    /// Language of everything shown: vi (default) or en.
    #[arg(long, global = true, default_value = "vi")]
    pub lang: String,
    /// Data folder (default: $VIECLAM_HOME or ~/.local/share/vieclam).
    #[arg(long, global = true)]
    pub home: Option<PathBuf>,
    /// Treat this day as today (dd/MM/yyyy or yyyy-mm-dd).
    #[arg(long, global = true)]
    pub on: Option<String>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the encrypted store, optionally filled with a demo province of N loans (100–100000).
    Init {
        /// Number of demo loans.
        #[arg(long)]
        demo: Option<usize>,
        /// Seed of the demo generator.
        #[arg(long, default_value_t = 2025)]
        seed: u64,
        /// Delete existing data first.
        #[arg(long)]
        force: bool,
    },
    /// List loans, or the loans of borrowers a search finds (no diacritics needed).
    Loans {
        /// Search text: a name, a commune, an agreement number.
        #[arg(long)]
        search: Option<String>,
        /// Page (from 1).
        #[arg(long, default_value_t = 1)]
        page: u32,
    },
    /// Show one loan: figures, schedule, payments, reminders.
    Loan {
        /// Loan id or agreement number (số khế ước).
        id: String,
        /// Remind of instalments due within this many days.
        #[arg(long, default_value_t = 30)]
        remind: u32,
    },
    /// Sites to inspect, nearest first.
    Sites {
        /// Where you stand: LAT,LON.
        #[arg(long)]
        near: String,
        /// How many.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// All sites, not only the communes of today's inspection plans.
        #[arg(long)]
        all: bool,
    },
    /// Register a returning worker (asks for what is missing when run in a terminal).
    Register(Box<RegisterArgs>),
    /// The job programme catalogue.
    Programmes {
        /// Search text.
        #[arg(long)]
        search: Option<String>,
    },
    /// Site checks: start at a site, answer, add photos, finish.
    Check {
        /// What to do with a check.
        #[command(subcommand)]
        action: CheckCommand,
    },
    /// Walk a plot's boundary: area and perimeter from a file of positions (`lat,lon[,accuracy]` per line).
    Walk {
        /// The file of positions, in walking order.
        file: PathBuf,
        /// Compare with the area this site's loan funded.
        #[arg(long)]
        site: Option<String>,
        /// Record the walk on this open check (id or code), signed and queued to go up, compared with its site's
        /// funded area; a new walk of the same check replaces it.
        #[arg(long, conflicts_with = "site")]
        check: Option<String>,
    },
    /// A commune's inspection minutes (biên bản kiểm tra).
    Minutes {
        /// Commune: code or name.
        commune: String,
        /// Inspection plan id or code (default: the latest).
        #[arg(long)]
        plan: Option<String>,
        /// Also write the printable HTML document here.
        #[arg(long)]
        html: Option<PathBuf>,
    },
    /// The commune review (đánh giá tại xã): your own, under the report's headings, and the team's merged.
    Review {
        /// What to do.
        #[command(subcommand)]
        action: ReviewCommand,
    },
    /// Evidence integrity.
    Evidence {
        /// What to do.
        #[command(subcommand)]
        action: EvidenceCommand,
    },
    /// The GPS position and time a JPEG carries.
    Exif {
        /// The JPEG file.
        file: PathBuf,
    },
    /// Sign in to the office server (staff, inspectors); the password is asked for, or read with --password-stdin.
    Login {
        /// The server, e.g. https://vieclam.example.vn.
        #[arg(long)]
        server: String,
        /// The user name the office gave.
        #[arg(long)]
        username: String,
        /// Read the password from the first line of stdin.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Activate a borrower's device with the printed code and the ID number (CCCD/CMND).
    Activate {
        /// The server.
        #[arg(long)]
        server: String,
        /// The one-time activation code.
        #[arg(long)]
        code: String,
        /// The borrower's ID number.
        #[arg(long)]
        id_number: String,
    },
    /// Create a returning worker's account and sign in to it.
    Enrol {
        /// The server.
        #[arg(long)]
        server: String,
        /// Full name as on the ID card.
        #[arg(long)]
        name: String,
        /// Mobile number.
        #[arg(long)]
        phone: String,
        /// Read the password from the first line of stdin.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Sign out of the server (the data stays on this device).
    Logout,
    /// Sync with the server: send changes, receive data, upload photos.
    Sync,
    /// What waits to be sent, what the server refused, and when the last sync worked.
    Status,
}

/// Steps of a site check.
#[derive(Debug, Subcommand)]
pub enum CheckCommand {
    /// Start a check at a site, from where you stand.
    Start {
        /// The site's id (see `vieclam sites`).
        #[arg(long)]
        site: String,
        /// Where you stand: LAT,LON.
        #[arg(long)]
        at: String,
        /// Accuracy of the position in metres.
        #[arg(long, default_value_t = 5.0)]
        accuracy: f64,
        /// Altitude in metres.
        #[arg(long)]
        altitude: Option<f64>,
        /// The position came from a mock-location app.
        #[arg(long)]
        mock: bool,
    },
    /// Answer one question of the checklist (see `vieclam check questions`).
    Answer {
        /// Check id or code.
        check: String,
        /// Question key.
        key: String,
        /// The answer: có/không (yes/no), a number, a choice key, or text.
        value: String,
    },
    /// Add a photo taken at the site: stamped, geotagged, hashed, signed and stored.
    Photo {
        /// Check id or code.
        check: String,
        /// The camera's JPEG.
        file: PathBuf,
        /// Where the photo was taken: LAT,LON (default: where the check started).
        #[arg(long)]
        at: Option<String>,
        /// Accuracy of that position in metres.
        #[arg(long)]
        accuracy: Option<f64>,
    },
    /// Finish the check: it is locked from then on.
    Finish {
        /// Check id or code.
        check: String,
    },
    /// Show a check.
    Show {
        /// Check id or code.
        check: String,
    },
    /// The checklist's questions.
    Questions,
}

/// Which review of a plan's commune.
#[derive(Debug, Args)]
pub struct ReviewTarget {
    /// Inspection plan id or number (e.g. 01/KH-DEMO).
    pub plan: String,
    /// Commune: code or name.
    pub commune: String,
}

/// The commune review's commands: each change rewrites your own review, signed, ready to sync.
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// The headings and the ratings.
    Headings,
    /// The team's reviews of a commune, merged (with --mine: your own, its lists numbered).
    Show {
        /// Plan and commune.
        #[command(flatten)]
        target: ReviewTarget,
        /// Only your own review.
        #[arg(long)]
        mine: bool,
    },
    /// Write under one heading: a rating (good, fair, weak, not_assessed; tốt, khá, yếu, chưa đánh giá) and text.
    Set {
        /// Plan and commune.
        #[command(flatten)]
        target: ReviewTarget,
        /// Heading key (see `vieclam review headings`).
        #[arg(long)]
        heading: String,
        /// Rating.
        #[arg(long)]
        rating: String,
        /// Text.
        #[arg(long, default_value = "")]
        text: String,
        /// The meeting day (default: the day already written, else today).
        #[arg(long = "held-on")]
        held_on: Option<String>,
    },
    /// Attendees of the meeting.
    Attendee {
        /// Add or remove.
        #[command(subcommand)]
        action: ReviewListCommand,
    },
    /// Opinions heard.
    Opinion {
        /// Add or remove.
        #[command(subcommand)]
        action: ReviewListCommand,
    },
    /// The team's recommendations.
    Recommend {
        /// Add or remove.
        #[command(subcommand)]
        action: ReviewListCommand,
    },
}

/// Adding to or removing from one of the review's lists.
#[derive(Debug, Subcommand)]
pub enum ReviewListCommand {
    /// Add an item: two parts (attendee: name and function; opinion: who and what; recommendation: to whom and
    /// what).
    Add {
        /// Plan and commune.
        #[command(flatten)]
        target: ReviewTarget,
        /// The first part: name / who / to whom.
        first: String,
        /// The second part: function and organisation / what they said / what.
        second: String,
    },
    /// Remove item N (as `vieclam review show --mine` numbers it).
    Remove {
        /// Plan and commune.
        #[command(flatten)]
        target: ReviewTarget,
        /// The item's number, from 1.
        number: usize,
    },
}

/// Evidence commands.
#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Verify this device's signed hash chain.
    Verify,
}

/// A registration's fields as flags.
#[derive(Debug, Args, Default)]
pub struct RegisterArgs {
    /// Full name.
    #[arg(long)]
    pub name: Option<String>,
    /// CCCD (12 digits) or CMND (9 digits).
    #[arg(long = "id-number")]
    pub id_number: Option<String>,
    /// Date of birth, dd/MM/yyyy.
    #[arg(long = "birth-date")]
    pub birth_date: Option<String>,
    /// male or female (nam / nữ).
    #[arg(long)]
    pub sex: Option<String>,
    /// Mobile number.
    #[arg(long)]
    pub phone: Option<String>,
    /// Commune: code or name.
    #[arg(long)]
    pub commune: Option<String>,
    /// Address (village).
    #[arg(long)]
    pub address: Option<String>,
    /// Country worked in.
    #[arg(long)]
    pub country: Option<String>,
    /// Years worked abroad.
    #[arg(long)]
    pub years: Option<String>,
    /// Occupation abroad.
    #[arg(long)]
    pub occupation: Option<String>,
    /// Skills, comma-separated.
    #[arg(long)]
    pub skills: Option<String>,
    /// Languages, comma-separated.
    #[arg(long)]
    pub languages: Option<String>,
    /// Certificates, comma-separated.
    #[arg(long)]
    pub certificates: Option<String>,
    /// What they want: domestic_job, training, self_employment_loan, work_abroad (comma-separated).
    #[arg(long)]
    pub wants: Option<String>,
    /// The worker agrees to share these details with the employment services.
    #[arg(long)]
    pub consent: bool,
}
