//! The formats' JSON Schemas (`api_errors::oz::SCHEMA`,
//! `api_errors::entrecode::SCHEMA`, `api_errors::rfc9457::SCHEMA`),
//! compiled once per test binary with boon, format assertions (`uri`) on.

use std::sync::OnceLock;

use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::Value;

/// Both schemas, compiled.
pub struct Validator {
    schemas: Schemas,
    oz: SchemaIndex,
    entrecode: SchemaIndex,
    rfc9457: SchemaIndex,
}

/// The validator of this test binary.
pub fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let mut schemas = Schemas::new();
        let mut compiler = Compiler::new();
        compiler.enable_format_assertions();
        let mut compile = |name: &str, schema: &str| {
            let document: Value = serde_json::from_str(schema)
                .unwrap_or_else(|error| panic!("the {name} schema is not JSON: {error}"));
            let location = format!("urn:api-errors:schema:{name}");
            compiler
                .add_resource(&location, document)
                .unwrap_or_else(|error| panic!("the {name} schema: {error}"));
            // Compiling validates the schema against the draft 2020-12
            // meta-schema (boon carries it; nothing is fetched).
            compiler
                .compile(&location, &mut schemas)
                .unwrap_or_else(|error| panic!("the {name} schema does not compile: {error:#}"))
        };
        let oz = compile("oz", api_errors::oz::SCHEMA);
        let entrecode = compile("entrecode", api_errors::entrecode::SCHEMA);
        let rfc9457 = compile("rfc9457", api_errors::rfc9457::SCHEMA);
        Validator {
            schemas,
            oz,
            entrecode,
            rfc9457,
        }
    })
}

impl Validator {
    /// `Ok` when `body` is a valid Oz body, else what is wrong.
    pub fn oz(&self, body: &Value) -> Result<(), String> {
        self.schemas
            .validate(body, self.oz)
            .map_err(|error| format!("{error:#}"))
    }

    /// `Ok` when `body` is a valid entrecode body, else what is wrong.
    pub fn entrecode(&self, body: &Value) -> Result<(), String> {
        self.schemas
            .validate(body, self.entrecode)
            .map_err(|error| format!("{error:#}"))
    }
}

impl Validator {
    /// `Ok` when `body` is a valid RFC 9457 body, else what is wrong.
    pub fn rfc9457(&self, body: &Value) -> Result<(), String> {
        self.schemas
            .validate(body, self.rfc9457)
            .map_err(|error| format!("{error:#}"))
    }
}

/// Parses `json` and validates it against the RFC 9457 schema, or panics.
pub fn assert_rfc9457(json: &str) {
    let body: Value = serde_json::from_str(json).expect("the body is JSON");
    if let Err(error) = validator().rfc9457(&body) {
        panic!("{json}\nis not a valid RFC 9457 body:\n{error}");
    }
}

/// Parses `json` and validates it against the Oz schema, or panics.
pub fn assert_oz(json: &str) {
    let body: Value = serde_json::from_str(json).expect("the body is JSON");
    if let Err(error) = validator().oz(&body) {
        panic!("{json}\nis not a valid Oz body:\n{error}");
    }
}

/// Parses `json` and validates it against the entrecode schema, or panics.
pub fn assert_entrecode(json: &str) {
    let body: Value = serde_json::from_str(json).expect("the body is JSON");
    if let Err(error) = validator().entrecode(&body) {
        panic!("{json}\nis not a valid entrecode body:\n{error}");
    }
}
