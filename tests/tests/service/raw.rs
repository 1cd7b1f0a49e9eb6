//! A client of raw HTTP/1.1 over a socket: it sends exactly the bytes a
//! case says (a `%FF` in a path, invalid UTF-8, a body it writes whole
//! before it reads, as urllib and `fetch` do) and reads the answer itself.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A request: its method, its target (path and query, as sent), its
/// headers, and its body.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: &'static str,
    pub target: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

/// A request's body.
#[derive(Clone, Debug)]
pub enum Body {
    None,
    /// Sent with its `Content-Length`.
    Bytes(Vec<u8>),
    /// `n` bytes of `a`, sent with their `Content-Length`, all of them
    /// before the answer is read.
    Filler(usize),
    /// `n` bytes of `a` in chunks of 64 KiB (`Transfer-Encoding: chunked`).
    ChunkedFiller(usize),
}

/// An answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// Lower-case names, in order.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    /// The first value of header `name`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Request {
    pub fn new(method: &'static str, target: impl Into<String>) -> Self {
        Request {
            method,
            target: target.into(),
            headers: Vec::new(),
            body: Body::None,
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn json(self, body: impl Into<Vec<u8>>) -> Self {
        Request {
            body: Body::Bytes(body.into()),
            ..self.header("content-type", "application/json")
        }
    }

    pub fn body(self, body: Body) -> Self {
        Request { body, ..self }
    }
}

/// Sends `request` on a new connection (closed after the answer) and reads
/// the answer: every byte of the request is written before any is read.
pub fn send(addr: SocketAddr, request: &Request) -> io::Result<Answer> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut head = format!(
        "{} {} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n",
        request.method, request.target
    );
    for (name, value) in &request.headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    let _ = match &request.body {
        Body::None => Ok(()),
        Body::Bytes(bytes) => write!(head, "content-length: {}\r\n", bytes.len()),
        Body::Filler(length) => write!(head, "content-length: {length}\r\n"),
        Body::ChunkedFiller(_) => write!(head, "transfer-encoding: chunked\r\n"),
    };
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    let chunk = vec![b'a'; 64 * 1024];
    match &request.body {
        Body::None => {}
        Body::Bytes(bytes) => stream.write_all(bytes)?,
        Body::Filler(length) => {
            let mut left = *length;
            while left > 0 {
                let part = left.min(chunk.len());
                stream.write_all(&chunk[..part])?;
                left -= part;
            }
        }
        Body::ChunkedFiller(length) => {
            let mut left = *length;
            while left > 0 {
                let part = left.min(chunk.len());
                stream.write_all(format!("{part:x}\r\n").as_bytes())?;
                stream.write_all(&chunk[..part])?;
                stream.write_all(b"\r\n")?;
                left -= part;
            }
            stream.write_all(b"0\r\n\r\n")?;
        }
    }
    stream.flush()?;
    read_answer(&mut stream)
}

/// Reads one answer: its head, then its body by `Content-Length`, by
/// chunks, or to the end of the connection.
fn read_answer(stream: &mut TcpStream) -> io::Result<Answer> {
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes)?;
    let end = bytes
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or_else(|| {
            io::Error::other(format!("no head in {:?}", String::from_utf8_lossy(&bytes)))
        })?;
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|status| status.parse().ok())
        .ok_or_else(|| io::Error::other(format!("no status in {head:?}")))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let rest = &bytes[end + 4..];
    let chunked = headers
        .iter()
        .any(|(name, value)| name == "transfer-encoding" && value.eq_ignore_ascii_case("chunked"));
    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .and_then(|(_, value)| value.parse::<usize>().ok());
    let body = if chunked {
        dechunk(rest)?
    } else if let Some(length) = length {
        rest.get(..length)
            .ok_or_else(|| io::Error::other("the body is cut short"))?
            .to_vec()
    } else {
        rest.to_vec()
    };
    Ok(Answer {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &[u8]) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = rest
            .windows(2)
            .position(|window| window == b"\r\n")
            .ok_or_else(|| io::Error::other("a chunk is cut short"))?;
        let size = std::str::from_utf8(&rest[..line_end])
            .ok()
            .and_then(|size| usize::from_str_radix(size.split(';').next()?.trim(), 16).ok())
            .ok_or_else(|| io::Error::other("a chunk size is not hexadecimal"))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        let chunk = rest
            .get(..size)
            .ok_or_else(|| io::Error::other("a chunk is cut short"))?;
        body.extend_from_slice(chunk);
        rest = rest.get(size + 2..).unwrap_or_default();
    }
}
