//! Real servers for the end-to-end tests: an axum router or an actix-web
//! app on an ephemeral port of 127.0.0.1, on a thread of its own, stopped
//! when the handle is dropped; the HTTP client that calls them; a panic hook
//! that keeps a service's planned panics out of the test output; and the
//! body of an axum response read without a server.

use std::net::{SocketAddr, TcpListener};
use std::sync::{Mutex, Once, mpsc};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How long a server may take to start.
const STARTING: Duration = Duration::from_secs(30);

/// An axum router on an ephemeral port of 127.0.0.1; stopped (gracefully)
/// on drop.
pub struct AxumServer {
    /// Where it listens.
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl AxumServer {
    /// Serves `app` on a runtime of two worker threads.
    #[must_use = "the server stops when dropped"]
    pub fn start(app: axum::Router) -> Self {
        let (ready, started) = mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                ready.send(listener.local_addr().unwrap()).unwrap();
                axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await
                    .unwrap();
            });
        });
        let addr = started
            .recv_timeout(STARTING)
            .expect("the axum server starts");
        AxumServer {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for AxumServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// An actix-web server on an ephemeral port of 127.0.0.1; stopped on drop.
pub struct ActixServer {
    /// Where it listens.
    pub addr: SocketAddr,
    handle: actix_web::dev::ServerHandle,
    thread: Option<JoinHandle<()>>,
}

impl ActixServer {
    /// Runs the server `serve` makes on the listener it is given, inside
    /// an actix system of its own: `serve` is
    /// `|listener| Ok(HttpServer::new(app).workers(2).listen(listener)?.run())`
    /// with the test's own app (the `HttpServer`'s type names the app's, so
    /// the test builds it).
    #[must_use = "the server stops when dropped"]
    pub fn start<F>(serve: F) -> Self
    where
        F: FnOnce(TcpListener) -> std::io::Result<actix_web::dev::Server> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port of 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let (ready, started) = mpsc::channel();
        let thread = thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = serve(listener).expect("the actix server listens");
                ready.send(server.handle()).unwrap();
                server.await.unwrap();
            });
        });
        let handle = started
            .recv_timeout(STARTING)
            .expect("the actix server starts");
        ActixServer {
            addr,
            handle,
            thread: Some(thread),
        }
    }
}

impl Drop for ActixServer {
    fn drop(&mut self) {
        // Stopping only sends a command; any executor can drive it.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(self.handle.stop(true));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// An HTTP client that reads error statuses as answers (not as failures),
/// and gives up on a request after `timeout`.
#[must_use]
pub fn client(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

/// Rust's default hook prints every panic; a service's planned ones (a
/// route that panics, dozens of times under load) would only be noise in
/// the test's output. From the first call on, a panic whose message is
/// `message` (or one given to an earlier call) is not printed; every
/// other is, as before.
pub fn quiet_planned_panics(message: &'static str) {
    static PLANNED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    static HOOK: Once = Once::new();
    let mut planned = PLANNED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if !planned.contains(&message) {
        planned.push(message);
    }
    drop(planned);
    HOOK.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let payload = info
                .payload()
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| info.payload().downcast_ref::<&str>().copied());
            let planned = payload.is_some_and(|payload| {
                PLANNED
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .contains(&payload)
            });
            if !planned {
                report(info);
            }
        }));
    });
}

/// The body of an axum response, read on a current-thread runtime (a
/// response built in memory needs no server).
#[must_use]
pub fn axum_body(response: axum::response::Response) -> Vec<u8> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap()
        .to_vec()
}
