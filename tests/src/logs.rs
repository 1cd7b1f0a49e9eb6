//! What the `tracing` feature logs: `run` with this thread's log written
//! into a buffer, and the buffer as text.
//!
//! One subscriber for the whole test binary, set as the global default,
//! writes each event into the buffer of the thread it happens on, when that
//! thread is capturing. A subscriber set per thread (`with_default`) loses
//! events to the other tests of the binary: tracing computes a callsite's
//! interest, and the maximum level, with the default subscriber of whichever
//! thread happens to register the callsite or rebuild the cache, so a thread
//! without a subscriber can turn off a log that this thread's subscriber
//! would have written.

use std::cell::RefCell;
use std::io::Write;
use std::sync::Once;

thread_local! {
    /// This thread's log while it captures; `None` when it does not.
    static CAPTURED: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// A `tracing` writer into the current thread's capture, if any.
struct ThisThread;

impl Write for ThisThread {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        CAPTURED.with(|captured| {
            if let Some(log) = captured.borrow_mut().as_mut() {
                log.extend_from_slice(bytes);
            }
        });
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What `run` returns, and what was logged on this thread while it ran
/// (without colours).
///
/// # Panics
/// When another global subscriber is set in the test binary, or the log is
/// not UTF-8.
pub fn capture<T>(run: impl FnOnce() -> T) -> (T, String) {
    static SUBSCRIBER: Once = Once::new();
    SUBSCRIBER.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(|| ThisThread)
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("the tests set no other global subscriber");
    });
    CAPTURED.with(|captured| *captured.borrow_mut() = Some(Vec::new()));
    let returned = run();
    let log = CAPTURED
        .with(|captured| captured.borrow_mut().take())
        .unwrap_or_default();
    let log = String::from_utf8(log).expect("the log is UTF-8");
    (returned, log)
}
