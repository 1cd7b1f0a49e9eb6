//! The layer that answers, in an error type's format, every error response
//! the service would otherwise answer outside it, and every panic.

use core::any::Any;
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};
use std::panic::{AssertUnwindSafe, catch_unwind};

use alloc::sync::Arc;

use axum::body::{Bytes, HttpBody};
use axum_core::response::Response;
use http::{HeaderMap, HeaderValue, Request};
use pin_project_lite::pin_project;
use tower_layer::Layer;
use tower_service::Service;

use super::Rejection;
use super::drain::{Drain, DrainLimit, Left, watch};
use crate::__private::Answered;
use crate::framework::request_id::{self, Span};
use crate::framework::{FrameworkError, FromFrameworkError, describes_body, response_status};

/// A tower layer that answers the framework's errors with `E`'s own
/// variants, in `E`'s format.
///
/// For each request, the service it wraps (a router, with everything
/// layered inside it) answers as usual, and then:
///
/// - a response with status 400 or above that api-errors did not build (a
///   derived type's `IntoResponse` marks its responses) is answered with
///   `E::from_framework_error(error)`, where `error` is the
///   [`Rejection`] it carries (this module's extractors), or else comes
///   from its status: 404 `NotFound`, 405 `MethodNotAllowed`, 413
///   `PayloadTooLarge`, 415 `UnsupportedMediaType`, 408, 503 and 504
///   `Timeout`, any other `Status(status)`;
/// - a panic in the service, when it is called or while its future runs,
///   is answered as `FrameworkError::Panic`: the connection gets its
///   answer, and nothing of the panic reaches the wire (with the `tracing`
///   feature it is logged at `error` level, with its message when that is
///   a string).
///
/// The answer has the variant's body and the format's `Content-Type`; its
/// status is the error's where the format allows it, the variant's
/// otherwise (see [`FromFrameworkError`]). It keeps the original response's headers (a
/// 405's `Allow`, a 429's `Retry-After`, a 401's `WWW-Authenticate`)
/// except those that described its body (`Content-*`,
/// `Transfer-Encoding`).
///
/// # A body the service did not read
///
/// A client that writes its whole body before it reads (Python's urllib
/// and requests, browsers' `fetch`) never sees an answer given before its
/// body is read (a 413 from the body's declared length, a 404 to a `POST`):
/// hyper closes the connection with the body's rest unread, and the reset
/// that the client's kernel gets for that rest discards the answer. So the
/// layer keeps the request body the service dropped unread and reads it to
/// its end, discarding it, before it hands the answer on, up to a
/// [`DrainLimit`](super::DrainLimit) ([`DrainLimit::DEFAULT`](super::DrainLimit::DEFAULT):
/// 32 MiB within 30 seconds; set another with
/// [`drain_limit`](Self::drain_limit)). A body that declares more than the
/// limit is not read at all, a client that sent `Expect: 100-continue` and
/// was never asked for its body is answered at once, and HTTP/2 (which
/// resets a stream, not the connection) needs none of it. Only the
/// outermost layer of a request reads, once.
///
/// Add it last, with `Router::layer`, so that it wraps the routes, their
/// fallback and every other layer:
///
/// ```
/// # use api_errors::ApiError;
/// # use api_errors::framework::{FrameworkError, FromFrameworkError};
/// # #[derive(Debug, ApiError)]
/// # #[api(format = "oz")]
/// # enum NoteError { #[api(code = 0)] Internal }
/// # impl FromFrameworkError for NoteError {
/// #     fn from_framework_error(_: FrameworkError<'_>) -> Self { NoteError::Internal }
/// # }
/// use api_errors::axum::FrameworkErrorsLayer;
/// use axum::{Router, routing::get};
///
/// let app: Router = Router::new()
///     .route("/", get(|| async { "hello" }))
///     .layer(FrameworkErrorsLayer::<NoteError>::new());
/// # let _ = app;
/// ```
pub struct FrameworkErrorsLayer<E> {
    drain: DrainLimit,
    error: PhantomData<fn() -> E>,
}

impl<E> FrameworkErrorsLayer<E> {
    /// The layer for the error type `E`.
    #[must_use]
    pub const fn new() -> Self {
        FrameworkErrorsLayer {
            drain: DrainLimit::DEFAULT,
            error: PhantomData,
        }
    }

    /// How much of a request body the service left unread the layer reads
    /// before it answers ([`DrainLimit::DEFAULT`] unless set): see
    /// [A body the service did not read](FrameworkErrorsLayer#a-body-the-service-did-not-read).
    #[must_use]
    pub const fn drain_limit(self, limit: DrainLimit) -> Self {
        FrameworkErrorsLayer {
            drain: limit,
            error: PhantomData,
        }
    }
}

impl<E> Default for FrameworkErrorsLayer<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> Clone for FrameworkErrorsLayer<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for FrameworkErrorsLayer<E> {}

impl<E> fmt::Debug for FrameworkErrorsLayer<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameworkErrorsLayer")
            .field("error", &core::any::type_name::<E>())
            .field("drain", &self.drain)
            .finish()
    }
}

impl<S, E> Layer<S> for FrameworkErrorsLayer<E> {
    type Service = FrameworkErrorsService<S, E>;

    fn layer(&self, inner: S) -> Self::Service {
        FrameworkErrorsService {
            inner,
            drain: self.drain,
            error: PhantomData,
        }
    }
}

/// The service [`FrameworkErrorsLayer`] wraps around another: it answers
/// what the layer's documentation says.
pub struct FrameworkErrorsService<S, E> {
    inner: S,
    drain: DrainLimit,
    error: PhantomData<fn() -> E>,
}

impl<S: Clone, E> Clone for FrameworkErrorsService<S, E> {
    fn clone(&self) -> Self {
        FrameworkErrorsService {
            inner: self.inner.clone(),
            drain: self.drain,
            error: PhantomData,
        }
    }
}

impl<S: fmt::Debug, E> fmt::Debug for FrameworkErrorsService<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameworkErrorsService")
            .field("inner", &self.inner)
            .field("error", &core::any::type_name::<E>())
            .field("drain", &self.drain)
            .finish()
    }
}

impl<S, E, B> Service<Request<B>> for FrameworkErrorsService<S, E>
where
    S: Service<Request<axum_core::body::Body>, Response = Response>,
    E: FromFrameworkError,
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<axum_core::BoxError>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = FrameworkErrorsFuture<S::Future, E>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<B>) -> Self::Future {
        let id = request_id(request.headers_mut());
        let span = request_id::span(id.as_ref().and_then(|id| id.to_str().ok()));
        let _entered = span.enter();
        // With no drain, nothing to watch: the body goes on as it came.
        let (request, left) = if self.drain == DrainLimit::NONE {
            (request.map(axum_core::body::Body::new), None)
        } else {
            watch(request)
        };
        // The request is lost with the panic: an `AssertUnwindSafe` is
        // sound, nothing of it is looked at again.
        let state = match catch_unwind(AssertUnwindSafe(|| self.inner.call(request))) {
            Ok(future) => State::Running { future },
            Err(payload) => {
                log_panic(payload.as_ref());
                State::Panicked
            }
        };
        FrameworkErrorsFuture {
            state,
            left,
            limit: self.drain,
            id,
            span: span.clone(),
            error: PhantomData,
        }
    }
}

/// `x-request-id`, made once: a name parsed on every request would be a
/// good part of what an id costs an answer.
const X_REQUEST_ID: http::HeaderName = http::HeaderName::from_static(request_id::HEADER);

/// The request's id: the client's `x-request-id` when it is safe to send
/// back, else a generated one that replaces it (for the layers and the
/// handler inside too); `None` when the request has none.
fn request_id(headers: &mut HeaderMap) -> Option<HeaderValue> {
    let sent = headers.get(&X_REQUEST_ID)?;
    if request_id::acceptable(sent.as_bytes()) {
        return Some(sent.clone());
    }
    let generated = HeaderValue::try_from(request_id::generate()).ok()?;
    headers.insert(X_REQUEST_ID, generated.clone());
    Some(generated)
}

/// An error response carries the request's id: in `x-request-id`, and
/// last in the body when its type asks for it (`request_id = "name"`).
fn with_request_id(mut response: Response, id: Option<&HeaderValue>) -> Response {
    let Some(id) = id else {
        return response;
    };
    if response.status().as_u16() < 400 {
        return response;
    }
    response.headers_mut().insert(X_REQUEST_ID, id.clone());
    if let Some(body) = request_id::body_with_id(
        response.extensions_mut().get_mut::<Answered>(),
        id.as_bytes(),
    ) {
        *response.body_mut() = axum_core::body::Body::from(body);
    }
    response
}

pin_project! {
    /// The future of a [`FrameworkErrorsService`] service's response.
    pub struct FrameworkErrorsFuture<F, E> {
        #[pin]
        state: State<F>,
        // What the service left of the request's body, and whether the
        // client waits for `100 Continue`; `None` once looked at.
        left: Option<(Arc<Left>, bool)>,
        limit: DrainLimit,
        // The request's id, for the error answers.
        id: Option<HeaderValue>,
        // Where the service's log lines go: the request's id.
        span: Span,
        error: PhantomData<fn() -> E>,
    }
}

pin_project! {
    #[project = StateProjection]
    enum State<F> {
        Running { #[pin] future: F },
        // The service panicked; its future, if it had one, is dropped.
        Panicked,
        // The answer waits while the body's unread rest is read.
        Draining { response: Option<Response>, drain: Drain },
    }
}

impl<F, E, Error> Future for FrameworkErrorsFuture<F, E>
where
    F: Future<Output = Result<Response, Error>>,
    E: FromFrameworkError,
{
    type Output = Result<Response, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let _entered = this.span.enter();
        loop {
            let response = match this.state.as_mut().project() {
                // A future that panicked is never polled again.
                StateProjection::Running { future } => {
                    match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
                        Ok(Poll::Pending) => return Poll::Pending,
                        Ok(Poll::Ready(Ok(response))) => convert::<E>(response),
                        Ok(Poll::Ready(Err(error))) => return Poll::Ready(Err(error)),
                        Err(payload) => {
                            log_panic(payload.as_ref());
                            panicked::<E>()
                        }
                    }
                }
                StateProjection::Panicked => panicked::<E>(),
                StateProjection::Draining { response, drain } => {
                    if drain.poll(cx).is_pending() {
                        return Poll::Pending;
                    }
                    // Taken once: a finished future is not polled again.
                    return Poll::Ready(Ok(response.take().unwrap_or_else(panicked::<E>)));
                }
            };
            let response = with_request_id(response, this.id.as_ref());
            let drain = this.left.take().and_then(|(left, expects_continue)| {
                Drain::of(&left, expects_continue, *this.limit)
            });
            match drain {
                // Read what has arrived; what has not wakes this future.
                Some(drain) => this.state.set(State::Draining {
                    response: Some(response),
                    drain,
                }),
                None => return Poll::Ready(Ok(response)),
            }
        }
    }
}

/// `E`'s answer to a panic.
fn panicked<E: FromFrameworkError>() -> Response {
    answer::<E>(FrameworkError::Panic, None)
}

/// `response` as it goes to the client: unchanged unless it is an error
/// answered outside the format.
fn convert<E: FromFrameworkError>(response: Response) -> Response {
    if response.status().as_u16() < 400 || response.extensions().get::<Answered>().is_some() {
        return response;
    }
    let error = match response.extensions().get::<Rejection>() {
        Some(rejection) => rejection.error(),
        None => FrameworkError::from_status(response.status().as_u16()),
    };
    answer::<E>(error, Some(response.headers()))
}

/// `E`'s answer to `error`, with the headers of the response it replaces
/// that do not describe that response's body. Its status depends on the
/// error and the variant only (never on which status the replaced response
/// had: a timeout answered 408 or 504 is answered as any timeout), so that
/// the OpenAPI document can say it.
fn answer<E: FromFrameworkError>(
    error: FrameworkError<'_>,
    replaced: Option<&HeaderMap>,
) -> Response {
    let variant = E::from_framework_error(error);
    let mut response = super::response(&variant);
    *response.status_mut() = crate::http::status_code(response_status(error.status(), &variant));
    if let Some(replaced) = replaced {
        let headers = response.headers_mut();
        // The variant's own headers (`headers(...)`) win over the replaced
        // response's.
        let answered: Vec<http::HeaderName> = headers.keys().cloned().collect();
        for (name, value) in replaced {
            if !describes_body(name.as_str()) && !answered.contains(name) {
                headers.append(name, value.clone());
            }
        }
    }
    response
}

/// With `tracing`, the panic at `error` level: its message when it is a
/// string (what `panic!` with a message gives), nothing else of it.
fn log_panic(payload: &(dyn Any + Send)) {
    #[cfg(feature = "tracing")]
    match crate::framework::panic_message(payload) {
        Some(message) => {
            tracing::error!(target: crate::LOG_TARGET, panic = message, "a handler panicked");
        }
        None => tracing::error!(target: crate::LOG_TARGET, "a handler panicked"),
    }
    #[cfg(not(feature = "tracing"))]
    let _ = payload;
}
