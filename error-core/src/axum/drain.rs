//! Reading the rest of a request body that the service left unread, before
//! the answer goes out.
//!
//! A client that writes its whole body before it reads (most HTTP
//! libraries without `Expect: 100-continue`, browsers' `fetch`) never sees
//! an answer that refuses its body early: hyper closes the connection with
//! the body's rest unread, the kernel answers that rest with a reset, and
//! the reset discards the answer at the client before it is read. So the
//! layer keeps the body the service dropped and reads it to its end, up to
//! a [`DrainLimit`], before it hands the answer to hyper; a body within the
//! bound then leaves a clean connection, and one beyond it is closed as
//! before.

use alloc::sync::Arc;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use std::sync::Mutex;
use std::time::Instant;

use axum::body::{Bytes, HttpBody};
use axum_core::body::Body;
use http::header::EXPECT;
use http::{Request, Version};

/// How much of an unread request body the layer reads and discards before
/// it answers, at most: the bytes, and the time since it started.
///
/// The time is checked as the body's data arrives: a client that stops
/// sending altogether holds its connection as it would while a handler
/// reads its body, until the server's own timeouts end it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrainLimit {
    bytes: u64,
    time: Duration,
}

impl DrainLimit {
    /// The default: 32 MiB within 30 seconds (nginx's `lingering_time`):
    /// a body a few times over a limit of a few MiB is read, a huge or
    /// slow one is not.
    pub const DEFAULT: DrainLimit = DrainLimit::new(32 << 20, Duration::from_secs(30));

    /// Nothing is read: a body the service left unread is dropped, and the
    /// connection closed, as hyper does without the layer.
    pub const NONE: DrainLimit = DrainLimit::new(0, Duration::ZERO);

    /// At most `bytes` bytes, for at most `time`.
    #[must_use]
    pub const fn new(bytes: u64, time: Duration) -> Self {
        DrainLimit { bytes, time }
    }
}

impl Default for DrainLimit {
    fn default() -> Self {
        DrainLimit::DEFAULT
    }
}

/// Marks a request whose body an outer layer already watches: only the
/// outermost layer reads what is left, once, within its limit.
#[derive(Clone, Copy)]
struct Watching;

/// What a request's watched body left behind when the service dropped it
/// unread.
#[derive(Default)]
pub(super) struct Left {
    rest: Mutex<Option<Rest>>,
}

/// The unread rest of a body, and whether anyone read from it at all.
struct Rest {
    body: Body,
    polled: bool,
}

/// The request's body, watched: when the service drops it before its end,
/// the rest goes to [`Left`], where the layer finds it.
struct Watched {
    body: Body,
    left: Arc<Left>,
    polled: bool,
    finished: bool,
}

impl HttpBody for Watched {
    type Data = Bytes;
    type Error = axum_core::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        self.polled = true;
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        if matches!(polled, Poll::Ready(None | Some(Err(_)))) {
            self.finished = true;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        if self.finished || self.body.is_end_stream() {
            return;
        }
        let rest = Rest {
            body: core::mem::take(&mut self.body),
            polled: self.polled,
        };
        if let Ok(mut left) = self.left.rest.lock() {
            *left = Some(rest);
        }
    }
}

/// Watches `request`'s body, unless an outer layer does: what the service
/// leaves of it ends up in the returned [`Left`], together with whether the
/// client waits for `100 Continue` before it sends the body.
pub(super) fn watch<B>(request: Request<B>) -> (Request<Body>, Option<(Arc<Left>, bool)>)
where
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<axum_core::BoxError>,
{
    let (mut parts, body) = request.into_parts();
    let body = Body::new(body);
    // HTTP/2 resets a stream, not the connection: nothing to read there.
    if parts.extensions.get::<Watching>().is_some()
        || !matches!(parts.version, Version::HTTP_10 | Version::HTTP_11)
        || body.is_end_stream()
    {
        return (Request::from_parts(parts, body), None);
    }
    parts.extensions.insert(Watching);
    let expects_continue = parts
        .headers
        .get(EXPECT)
        .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    let left = Arc::new(Left::default());
    let watched = Watched {
        body,
        left: Arc::clone(&left),
        polled: false,
        finished: false,
    };
    (
        Request::from_parts(parts, Body::new(watched)),
        Some((left, expects_continue)),
    )
}

/// Reading an unread rest to its end, within a limit.
pub(super) struct Drain {
    body: Body,
    read: u64,
    limit: DrainLimit,
    started: Instant,
}

impl Drain {
    /// The drain of what the service left, if there is something to read:
    /// not when the client waits for `100 Continue` and nobody asked for
    /// the body (it has not sent it, and hyper does not ask for it now).
    pub(super) fn of(left: &Left, expects_continue: bool, limit: DrainLimit) -> Option<Drain> {
        let rest = left.rest.lock().ok()?.take()?;
        // A body that declares more than the limit allows is closed on at
        // once: reading part of it would not save the connection.
        if (expects_continue && !rest.polled)
            || limit.bytes == 0
            || rest.body.size_hint().lower() > limit.bytes
        {
            return None;
        }
        Some(Drain {
            body: rest.body,
            read: 0,
            limit,
            started: Instant::now(),
        })
    }

    /// Ready when the body is read to its end, broke off, or passed the
    /// limit (then it is dropped, and hyper closes the connection).
    pub(super) fn poll(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            match Pin::new(&mut self.body).poll_frame(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None | Some(Err(_))) => return Poll::Ready(()),
                Poll::Ready(Some(Ok(frame))) => {
                    let length = frame.data_ref().map_or(0, Bytes::len);
                    self.read = self.read.saturating_add(length as u64);
                    if self.read > self.limit.bytes || self.started.elapsed() > self.limit.time {
                        return Poll::Ready(());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use core::task::Waker;

    use super::*;

    /// A body of `frames` frames of `size` bytes, every one ready at once,
    /// declaring its length when `declared`; it counts the frames taken.
    struct Frames {
        left: usize,
        size: usize,
        declared: bool,
        taken: Arc<Mutex<usize>>,
    }

    impl HttpBody for Frames {
        type Data = Bytes;
        type Error = axum_core::Error;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
            if self.left == 0 {
                return Poll::Ready(None);
            }
            self.left -= 1;
            *self.taken.lock().unwrap() += 1;
            Poll::Ready(Some(Ok(http_body::Frame::data(Bytes::from(vec![
                b'a';
                self.size
            ])))))
        }

        fn is_end_stream(&self) -> bool {
            self.left == 0
        }

        fn size_hint(&self) -> http_body::SizeHint {
            if self.declared {
                http_body::SizeHint::with_exact((self.left * self.size) as u64)
            } else {
                http_body::SizeHint::default()
            }
        }
    }

    /// A request with a body of `frames` frames of 1 KiB, watched; and the
    /// count of frames taken from it.
    fn watched(
        frames: usize,
        declared: bool,
        expect: bool,
    ) -> (Request<Body>, Arc<Left>, bool, Arc<Mutex<usize>>) {
        let taken = Arc::new(Mutex::new(0));
        let body = Frames {
            left: frames,
            size: 1024,
            declared,
            taken: Arc::clone(&taken),
        };
        let mut request = Request::post("/").body(body).unwrap();
        if expect {
            request
                .headers_mut()
                .insert(EXPECT, http::HeaderValue::from_static("100-continue"));
        }
        let (request, left) = watch(request);
        let (left, expects_continue) = left.expect("an HTTP/1.1 body with data is watched");
        (request, left, expects_continue, taken)
    }

    fn drain_now(drain: &mut Drain) {
        assert!(
            drain
                .poll(&mut Context::from_waker(Waker::noop()))
                .is_ready()
        );
    }

    #[test]
    fn the_rest_of_a_dropped_body_is_read_to_its_end() {
        let (request, left, expects_continue, taken) = watched(100, true, false);
        let mut body = request.into_body();
        // The service reads one frame, then drops the body.
        let _ = Pin::new(&mut body).poll_frame(&mut Context::from_waker(Waker::noop()));
        drop(body);
        let mut drain = Drain::of(&left, expects_continue, DrainLimit::DEFAULT).expect("a rest");
        drain_now(&mut drain);
        assert_eq!(*taken.lock().unwrap(), 100);
        assert_eq!(drain.read, 99 * 1024);
    }

    #[test]
    fn a_body_read_to_its_end_leaves_nothing() {
        let (request, left, expects_continue, _) = watched(3, true, false);
        let mut body = request.into_body();
        while let Poll::Ready(Some(_)) =
            Pin::new(&mut body).poll_frame(&mut Context::from_waker(Waker::noop()))
        {}
        drop(body);
        assert!(Drain::of(&left, expects_continue, DrainLimit::DEFAULT).is_none());
    }

    #[test]
    fn the_bytes_read_stop_at_the_limit() {
        let (request, left, expects_continue, taken) = watched(100, false, false);
        drop(request);
        let limit = DrainLimit::new(10 * 1024, Duration::from_secs(30));
        let mut drain = Drain::of(&left, expects_continue, limit).expect("a rest");
        drain_now(&mut drain);
        // The frame that passes the limit is the last read.
        assert_eq!(*taken.lock().unwrap(), 11);
    }

    #[test]
    fn the_time_read_stops_at_the_limit() {
        let (request, left, expects_continue, taken) = watched(100, false, false);
        drop(request);
        let mut drain = Drain::of(
            &left,
            expects_continue,
            DrainLimit::new(u64::MAX, Duration::ZERO),
        )
        .expect("a rest");
        std::thread::sleep(Duration::from_millis(2));
        drain_now(&mut drain);
        assert_eq!(*taken.lock().unwrap(), 1);
    }

    #[test]
    fn a_body_declared_over_the_limit_is_not_read() {
        let (request, left, expects_continue, taken) = watched(100, true, false);
        drop(request);
        let limit = DrainLimit::new(10 * 1024, Duration::from_secs(30));
        assert!(Drain::of(&left, expects_continue, limit).is_none());
        assert!(Drain::of(&left, expects_continue, DrainLimit::NONE).is_none());
        assert_eq!(*taken.lock().unwrap(), 0);
    }

    #[test]
    fn a_body_that_waits_for_100_continue_is_read_only_if_asked_for() {
        let (request, left, expects_continue, _) = watched(5, true, true);
        assert!(expects_continue);
        drop(request);
        assert!(Drain::of(&left, expects_continue, DrainLimit::DEFAULT).is_none());
        let (request, left, expects_continue, _) = watched(5, true, true);
        let mut body = request.into_body();
        let _ = Pin::new(&mut body).poll_frame(&mut Context::from_waker(Waker::noop()));
        drop(body);
        assert!(Drain::of(&left, expects_continue, DrainLimit::DEFAULT).is_some());
    }

    #[test]
    fn only_the_outermost_layer_and_http_1_watch() {
        let (request, _, _, _) = watched(5, true, false);
        let (_, again) = watch(request);
        assert!(
            again.is_none(),
            "an inner layer leaves the body to the outer one"
        );
        let mut request = Request::post("/").body(Body::from("x")).unwrap();
        *request.version_mut() = Version::HTTP_2;
        assert!(watch(request).1.is_none());
        assert!(
            watch(Request::get("/").body(Body::empty()).unwrap())
                .1
                .is_none()
        );
    }
}
