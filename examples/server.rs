//! The demo API over HTTP: `cargo run -p api-errors-demo --example server`,
//! then
//!
//! ```sh
//! curl -i http://127.0.0.1:3000/oz/capsules/7
//! curl -i http://127.0.0.1:3000/oz/capsules/abc
//! curl -i -X POST -H 'content-type: application/json' -d '{"name":"a"}' http://127.0.0.1:3000/oz/capsules
//! curl -i http://127.0.0.1:3000/entrecode/lookup
//! curl -i http://127.0.0.1:3000/entrecode/search?limit=x
//! curl -i http://127.0.0.1:3000/entrecode/panic
//! curl -i http://127.0.0.1:3000/openapi.json
//! ```
//!
//! Serves on 127.0.0.1 (port 3000, or `PORT`) until Ctrl-C. 5xx errors are
//! logged with their cause chain, and panics with their message (the
//! `tracing` feature); their bodies say no more than their title.

use api_errors_demo as demo;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    tracing_subscriber::fmt().with_target(false).init();
    let port = std::env::var("PORT")
        .ok()
        .and_then(|port| port.parse().ok())
        .unwrap_or(3000u16);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("serving the demo API on http://{}", listener.local_addr()?);
    println!(
        "try: curl -i http://{}/entrecode/lookup",
        listener.local_addr()?
    );
    axum::serve(listener, demo::router())
        .with_graceful_shutdown(async {
            // Ctrl-C ends the server; if the signal cannot be awaited, run on.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await?;
    println!("stopped");
    Ok(())
}
