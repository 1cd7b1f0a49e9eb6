//! The catalog of the quickstart's error enums, as documentation for
//! people (markdown, in the shape of each format's error page) and for
//! programs (JSON, `api_errors::docs::json`).
//!
//! `cargo run --example catalog` prints both; `cargo run --example catalog --
//! DIR` writes `DIR/<Type>.md` and `DIR/<Type>.json` instead.

#[allow(dead_code, reason = "only the enums of the quickstart are used here")]
#[path = "quickstart.rs"]
mod quickstart;

use std::path::Path;

use api_errors::ApiError;
use quickstart::{CapsuleError, CapsuleProblem};

fn emit<E: ApiError>(name: &str, directory: Option<&Path>) -> std::io::Result<()> {
    let markdown = api_errors::docs::markdown::<E>();
    let json = api_errors::docs::json::<E>();
    match directory {
        Some(directory) => {
            std::fs::create_dir_all(directory)?;
            std::fs::write(directory.join(format!("{name}.md")), markdown)?;
            std::fs::write(directory.join(format!("{name}.json")), json)?;
            println!("wrote {name}.md and {name}.json to {}", directory.display());
        }
        None => println!("== {name} (markdown)\n\n{markdown}\n== {name} (JSON)\n\n{json}\n"),
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let directory = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    emit::<CapsuleError>("CapsuleError", directory.as_deref())?;
    emit::<CapsuleProblem>("CapsuleProblem", directory.as_deref())
}
