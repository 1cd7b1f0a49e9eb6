//! What the `tracing` feature logs: `run` under a subscriber that writes
//! into a buffer, and the buffer as text.

use std::io::Write;
use std::sync::{Arc, Mutex};

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What `run` returns, and what was logged on this thread while it ran
/// (without colours).
pub fn capture<T>(run: impl FnOnce() -> T) -> (T, String) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let returned = tracing::subscriber::with_default(subscriber, run);
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).expect("the log is UTF-8");
    (returned, log)
}
