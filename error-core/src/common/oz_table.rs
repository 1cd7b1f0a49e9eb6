//! The Oz code table, as the Oz error page documents it.
//!
//! This file is compiled into both crates (`api-errors-derive` checks codes against
//! it at compile time, `api-errors` publishes it), so it holds plain data and
//! `const fn`s only.

/// One documented Oz error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OzCode {
    /// The wire code, `0..=14`.
    pub code: u16,
    /// The name the page gives the code (`"NOT EXIST"`).
    pub name: &'static str,
    /// The default `error_message` of a variant that sets no `title`.
    pub message: &'static str,
    /// The default HTTP status of a variant that sets no `status`.
    pub status: u16,
    /// The page's description of the code.
    pub description: &'static str,
}

impl OzCode {
    /// Whether the code is a server-side error, whose status must be `5xx`
    /// (codes 0, 2, 11 and 12); every other code is a client error (`4xx`).
    #[must_use]
    pub const fn is_server_error(&self) -> bool {
        self.status >= 500
    }
}

/// Every Oz error code, indexed by its value (`CODES[10].code == 10`).
pub const CODES: [OzCode; 15] = [
    OzCode {
        code: 0,
        name: "UNKNOWN",
        message: "Unknown server side error occurred",
        status: 500,
        description: "Unknown server error.",
    },
    OzCode {
        code: 1,
        name: "NOT ALLOWED",
        message: "Method not allowed",
        status: 405,
        description: "An unallowed method is called. Usually is followed by the 405 HTTP status of response. For example, trying to request the PATCH method, while only GET/POST ones are supported.",
    },
    OzCode {
        code: 2,
        name: "NOT REALIZED",
        message: "Method not realized",
        status: 501,
        description: "The method is documented but is not realized by any temporary or permanent reason.",
    },
    OzCode {
        code: 3,
        name: "INVALID STRUCTURE",
        message: "Invalid structure",
        status: 400,
        description: "Incorrect structure of request. Some required fields missing or a format validation error occurred.",
    },
    OzCode {
        code: 4,
        name: "INVALID VALUE",
        message: "Invalid value",
        status: 400,
        description: "Incorrect value of the parameter inside request body or query.",
    },
    OzCode {
        code: 5,
        name: "INVALID TYPE",
        message: "Invalid type",
        status: 400,
        description: "The invalid data type of the request parameter.",
    },
    OzCode {
        code: 6,
        name: "AUTH NOT PROVIDED",
        message: "Access token not specified",
        status: 401,
        description: "Access token not specified.",
    },
    OzCode {
        code: 7,
        name: "AUTH INVALID",
        message: "Access token is invalid",
        status: 401,
        description: "The access token does not exist in the database.",
    },
    OzCode {
        code: 8,
        name: "AUTH EXPIRED",
        message: "Auth token is expired",
        status: 401,
        description: "Auth token is expired.",
    },
    OzCode {
        code: 9,
        name: "AUTH FORBIDDEN",
        message: "Access denied",
        status: 403,
        description: "Access denied for the current user.",
    },
    OzCode {
        code: 10,
        name: "NOT EXIST",
        message: "Resource not found",
        status: 404,
        description: "The requested resource is not found (alternative of HTTP status_code = 404).",
    },
    OzCode {
        code: 11,
        name: "EXTERNAL SERVICE",
        message: "External service error",
        status: 502,
        description: "Error in the external information system.",
    },
    OzCode {
        code: 12,
        name: "DATABASE",
        message: "Database error",
        status: 500,
        description: "Critical database error on the server host.",
    },
    OzCode {
        code: 13,
        name: "NO DATA CONTAINER",
        message: "No data container provided",
        status: 400,
        description: "OzCapsula: API didn't receive the container.",
    },
    OzCode {
        code: 14,
        name: "INVALID DATA CONTAINER",
        message: "Data container unpacking failed",
        status: 400,
        description: "OzCapsula: the container appears to be affected by errors and can't be unpackaged.",
    },
];

/// One row of the page's "`OzCapsula` Errors" table: a documented message for a
/// code. Code 14 has five of them, which is why Oz codes may repeat in a derive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapsulaMessage {
    /// The wire code.
    pub code: u16,
    /// The documented `error_message`.
    pub message: &'static str,
    /// The page's description of the case.
    pub description: &'static str,
}

/// The `OzCapsula` messages, in the page's order.
pub const CAPSULA: [CapsulaMessage; 9] = [
    CapsulaMessage {
        code: 3,
        message: "Invalid structure",
        description: "Missing payload.json",
    },
    CapsulaMessage {
        code: 4,
        message: "Can't start analysis without media",
        description: "No media have been added into container",
    },
    CapsulaMessage {
        code: 5,
        message: "Invalid Type",
        description: "Container is damaged",
    },
    CapsulaMessage {
        code: 13,
        message: "No data container provided",
        description: "API didn't receive the container",
    },
    CapsulaMessage {
        code: 14,
        message: "Data container unpacking failed",
        description: "The container appears to be affected by errors and can't be unpackaged.",
    },
    CapsulaMessage {
        code: 14,
        message: "Invalid Data Container",
        description: "The container appears to be affected by errors and can't be unpackaged.",
    },
    CapsulaMessage {
        code: 14,
        message: "Invalid signature",
        description: "The container appears to be affected by errors and can't be unpackaged.",
    },
    CapsulaMessage {
        code: 14,
        message: "Invalid hash",
        description: "The container appears to be affected by errors and can't be unpackaged.",
    },
    CapsulaMessage {
        code: 14,
        message: "Invalid or empty Session Token",
        description: "The container appears to be affected by errors and can't be unpackaged.",
    },
];

/// The documented code `code`, if it is one of `0..=14`.
#[must_use]
pub const fn lookup(code: u16) -> Option<&'static OzCode> {
    if (code as usize) < CODES.len() {
        Some(&CODES[code as usize])
    } else {
        None
    }
}
