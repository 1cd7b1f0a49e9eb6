//! The entrecode code table, as the entrecode error page documents it.
//!
//! Codes here are *local* (the three digits after the system digit). This
//! file is compiled into both crates (`api-errors-derive` checks codes against it at
//! compile time, `api-errors` publishes it), so it holds plain data and
//! `const fn`s only.

/// Where a documented code is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Systems {
    /// In every system `1..=9` (rows without an "only SXXX is defined" note).
    All,
    /// Only in these systems (`"only 1251 is defined"` is `Only(&[1])`).
    Only(&'static [u8]),
}

/// One documented entrecode error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntrecodeCode {
    /// The local code, `0..=999` (the full wire code is `system * 1000 + code`).
    pub code: u16,
    /// The documented title, the default of a variant that sets none.
    pub title: &'static str,
    /// The documented HTTP status; a variant may not set another one.
    pub status: u16,
    /// The systems the code is defined in.
    pub systems: Systems,
    /// The page's "Detail" column ("" when empty).
    pub detail: &'static str,
    /// The page's "Verbose" column ("" when empty).
    pub verbose: &'static str,
    /// The page's restriction note, e.g. "only 1251 is defined" ("" when none).
    pub note: &'static str,
}

impl EntrecodeCode {
    /// Whether the code is defined in `system`.
    #[must_use]
    pub const fn is_defined_in(&self, system: u8) -> bool {
        match self.systems {
            Systems::All => true,
            Systems::Only(systems) => {
                let mut i = 0;
                while i < systems.len() {
                    if systems[i] == system {
                        return true;
                    }
                    i += 1;
                }
                false
            }
        }
    }
}

/// The internal error `x000`: "No further information disclosured to client."
pub const INTERNAL: EntrecodeCode = EntrecodeCode {
    code: 0,
    title: "Internal Error",
    status: 500,
    systems: Systems::All,
    detail: "",
    verbose: "",
    note: "No further information disclosured to client.",
};

/// The systems the page names (the first digit of a code). Systems `4..=9`
/// are allowed ("more codes may be added in the future") but have no name.
pub const SYSTEMS: [(u8, &str); 3] = [
    (1, "Account Server"),
    (2, "Data Manager"),
    (3, "App Manager"),
];

/// The error-type groups (the second digit of a code) and their names.
/// Groups 6, 7 and 8 are undefined.
pub const GROUPS: [(u8, &str); 7] = [
    (0, "Internal Error"),
    (1, "Generic Error"),
    (2, "Syntax Error"),
    (3, "Semantics Error"),
    (4, "Rights Management Error"),
    (5, "Plan error"),
    (9, "Other"),
];

/// The systems where plan errors (group 5) are defined: "only 25xx and 35xx".
pub const PLAN_SYSTEMS: [u8; 2] = [2, 3];

/// Every documented code but the internal error, in the page's order.
pub const CODES: [EntrecodeCode; 70] = [
    EntrecodeCode {
        code: 100,
        title: "Resource not found",
        status: 404,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 101,
        title: "No resource entity matching body property filter found",
        status: 404,
        systems: Systems::All,
        detail: "the body property that did not produce a match",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 102,
        title: "No resource entity matching query string filter found",
        status: 404,
        systems: Systems::All,
        detail: "the query string property that did not produce a match",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 110,
        title: "Method not allowed",
        status: 405,
        systems: Systems::All,
        detail: "the request method that is not allowed",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 150,
        title: "Error in remote API",
        status: 400,
        systems: Systems::All,
        detail: "description of the error",
        verbose: "the Error returned from the remote API",
        note: "",
    },
    EntrecodeCode {
        code: 200,
        title: "Missing body",
        status: 400,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 201,
        title: "Missing property in JSON body",
        status: 400,
        systems: Systems::All,
        detail: "the property that is missing",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 202,
        title: "Missing property in query string",
        status: 400,
        systems: Systems::All,
        detail: "the property that is missing",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 203,
        title: "Missing file in upload",
        status: 400,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 204,
        title: "Missing HAL link or embed in JSON body",
        status: 400,
        systems: Systems::All,
        detail: "the relation that is missing",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 211,
        title: "Invalid format for property in JSON body",
        status: 400,
        systems: Systems::All,
        detail: "the property with an invalid format",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 212,
        title: "Invalid format for property in query string",
        status: 400,
        systems: Systems::All,
        detail: "the property with an invalid format",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 213,
        title: "Invalid file format in upload",
        status: 400,
        systems: Systems::All,
        detail: "the recognized mime type that is not allowed",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 214,
        title: "Invalid linked or embedded HAL resource in JSON body, or link not found",
        status: 400,
        systems: Systems::All,
        detail: "the relation that is invalid",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 215,
        title: "Resource cannot be sorted after given property",
        status: 400,
        systems: Systems::All,
        detail: "the property that is not allowed for sorting",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 216,
        title: "Resource cannot be filtered with given property",
        status: 400,
        systems: Systems::All,
        detail: "the property that is not allowed for filtering",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 217,
        title: "Resource cannot be range-filtered with given property",
        status: 400,
        systems: Systems::All,
        detail: "the property that is not comparable",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 251,
        title: "Password is too short",
        status: 400,
        systems: Systems::Only(&[1]),
        detail: "",
        verbose: "",
        note: "on registration, only 1251 is defined",
    },
    EntrecodeCode {
        code: 252,
        title: "Unmatched validation error",
        status: 400,
        systems: Systems::All,
        detail: "TinyValidator4 Error Code with message",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 253,
        title: "Invalid asset to merge",
        status: 400,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 254,
        title: "Exceeded maximum levels for nested request.",
        status: 400,
        systems: Systems::All,
        detail: "Number of maximum levels",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 255,
        title: "Could not get nested resources.",
        status: 400,
        systems: Systems::All,
        detail: "entryID which produced the error",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 256,
        title: "Could not create download file.",
        status: 400,
        systems: Systems::All,
        detail: "detailed error response",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 311,
        title: "Invalid value for property in JSON body",
        status: 400,
        systems: Systems::All,
        detail: "the property with an invalid value",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 351,
        title: "eMail address is unavailable",
        status: 403,
        systems: Systems::Only(&[1]),
        detail: "",
        verbose: "",
        note: "on registration and email change, only 1351 is defined",
    },
    EntrecodeCode {
        code: 352,
        title: "Cannot delete openID connection",
        status: 403,
        systems: Systems::Only(&[1]),
        detail: "",
        verbose: "",
        note: "only 1352 is defined",
    },
    EntrecodeCode {
        code: 353,
        title: "Duplicate model/assetgroup in same data manager",
        status: 403,
        systems: Systems::Only(&[2]),
        detail: "",
        verbose: "",
        note: "only 2353 is defined",
    },
    EntrecodeCode {
        code: 354,
        title: "Cannot delete Model, has entries",
        status: 403,
        systems: Systems::Only(&[2]),
        detail: "",
        verbose: "",
        note: "only 2354 is defined",
    },
    EntrecodeCode {
        code: 355,
        title: "Cannot delete Model, mandatory model",
        status: 403,
        systems: Systems::Only(&[2]),
        detail: "",
        verbose: "",
        note: "only 2355 is defined",
    },
    EntrecodeCode {
        code: 356,
        title: "Cannot change Model, has Entries.",
        status: 403,
        systems: Systems::Only(&[2]),
        detail: "More detailed description of error",
        verbose: "Affected Field",
        note: "only 2356 is defined",
    },
    EntrecodeCode {
        code: 357,
        title: "Model must support default locale",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "Affected modelID",
        verbose: "",
        note: "only 2357 is defined",
    },
    EntrecodeCode {
        code: 358,
        title: "Unsupported locale",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "Affected modelID",
        verbose: "",
        note: "only 2358 is defined",
    },
    EntrecodeCode {
        code: 359,
        title: "Violates unique constraint",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "title of violating field",
        verbose: "",
        note: "only 2359 is defined",
    },
    EntrecodeCode {
        code: 360,
        title: "Cannot delete entry. Referenced as required.",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "entryID holding the reference",
        verbose: "",
        note: "only 2360 is defined",
    },
    EntrecodeCode {
        code: 361,
        title: "Cannot change entry. Read Only.",
        status: 403,
        systems: Systems::Only(&[2]),
        detail: "",
        verbose: "",
        note: "only 2361 is defined",
    },
    EntrecodeCode {
        code: 362,
        title: "Cannot change entry. Reference not allowed due to type validation.",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "",
        verbose: "",
        note: "only 2362 is defined",
    },
    EntrecodeCode {
        code: 363,
        title: "Cannot change Model, edit of mandatory/unmutable field.",
        status: 403,
        systems: Systems::Only(&[2]),
        detail: "More detailed description of error",
        verbose: "Affected field",
        note: "only 2363 is defined",
    },
    EntrecodeCode {
        code: 364,
        title: "Cannot change Model, reserved field title.",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "Field title",
        verbose: "",
        note: "only 2364 is defined",
    },
    EntrecodeCode {
        code: 365,
        title: "Cannot change Model, duplicate model title.",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "Model title",
        verbose: "",
        note: "only 2365 is defined",
    },
    EntrecodeCode {
        code: 366,
        title: "Duplicate field name in model.",
        status: 400,
        systems: Systems::All,
        detail: "Field title",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 367,
        title: "Field cannot be unique and localizable.",
        status: 400,
        systems: Systems::All,
        detail: "Field title",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 368,
        title: "Field of type boolean must be required.",
        status: 400,
        systems: Systems::All,
        detail: "Field title",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 369,
        title: "Title field not a field in the model.",
        status: 400,
        systems: Systems::All,
        detail: "Title field",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 370,
        title: "Cannot delete Resource. Is used.",
        status: 403,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 371,
        title: "Cannot change entry. Reference not found.",
        status: 400,
        systems: Systems::Only(&[2]),
        detail: "",
        verbose: "",
        note: "only 2371 is defined",
    },
    EntrecodeCode {
        code: 372,
        title: "Required field must have a default value set.",
        status: 400,
        systems: Systems::All,
        detail: "Field title",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 373,
        title: "Other parallel request already added tag(s)",
        status: 400,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 374,
        title: "Cannot export datamanager. Required field has no default value.",
        status: 400,
        systems: Systems::All,
        detail: "model title",
        verbose: "field title",
        note: "",
    },
    EntrecodeCode {
        code: 375,
        title: "A duplicate asset already exists in this AssetGroup. Set `ignoreDuplicates` flag to ignore. No assets were uploaded.",
        status: 400,
        systems: Systems::All,
        detail: "model title",
        verbose: "field title",
        note: "",
    },
    EntrecodeCode {
        code: 376,
        title: "Cannot export datamanager. Required field has no default value.",
        status: 400,
        systems: Systems::All,
        detail: "model title",
        verbose: "field title",
        note: "",
    },
    EntrecodeCode {
        code: 400,
        title: "Missing Access Token",
        status: 401,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 401,
        title: "Invalid Access Token",
        status: 401,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 402,
        title: "Outdated Access Token",
        status: 401,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 403,
        title: "Invalid Password",
        status: 401,
        systems: Systems::All,
        detail: "the email address that attempted the login",
        verbose: "Timestamp until login is locked for this email address",
        note: "",
    },
    EntrecodeCode {
        code: 404,
        title: "Account not found (unknown email address)",
        status: 404,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 410,
        title: "Insufficient rights to access the requested resource",
        status: 401,
        systems: Systems::All,
        detail: "The rejected permission",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 411,
        title: "Insufficient rights to access the requested resource with this method",
        status: 405,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 444,
        title: "Denied because of stupidity",
        status: 403,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 451,
        title: "Too many wrong login attempts",
        status: 429,
        systems: Systems::Only(&[1]),
        detail: "",
        verbose: "",
        note: "on login, only 1451 is defined",
    },
    EntrecodeCode {
        code: 452,
        title: "User blocked",
        status: 403,
        systems: Systems::Only(&[1]),
        detail: "",
        verbose: "",
        note: "on login and internal account API, only 1452 is defined",
    },
    EntrecodeCode {
        code: 453,
        title: "Invalid invite",
        status: 403,
        systems: Systems::Only(&[1]),
        detail: "",
        verbose: "",
        note: "on registration, only 1453 is defined",
    },
    EntrecodeCode {
        code: 460,
        title: "Generic OAuth Error",
        status: 400,
        systems: Systems::All,
        detail: "",
        verbose: "more information",
        note: "",
    },
    EntrecodeCode {
        code: 461,
        title: "Facebook OAuth Request failed",
        status: 400,
        systems: Systems::All,
        detail: "Facebook Error Code",
        verbose: "Facebook Error Message",
        note: "",
    },
    EntrecodeCode {
        code: 462,
        title: "Facebook API call failed to receive eMail address",
        status: 400,
        systems: Systems::All,
        detail: "",
        verbose: "more verbose Error Message",
        note: "",
    },
    EntrecodeCode {
        code: 470,
        title: "Target resource does not fulfill permission policy conditions",
        status: 403,
        systems: Systems::All,
        detail: "",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 471,
        title: "Property cannot be written due to permission policy restrictions",
        status: 403,
        systems: Systems::All,
        detail: "the property that is not allowed",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 472,
        title: "Error while processing asset file.",
        status: 400,
        systems: Systems::All,
        detail: "The original error message",
        verbose: "",
        note: "",
    },
    EntrecodeCode {
        code: 500,
        title: "Missing plan for this product",
        status: 403,
        systems: Systems::Only(&[2, 3]),
        detail: "the product that is not included in the current plan",
        verbose: "",
        note: "not in the Account Server, only 25xx and 35xx are defined",
    },
    EntrecodeCode {
        code: 510,
        title: "Insufficient plan for this product",
        status: 403,
        systems: Systems::Only(&[2, 3]),
        detail: "the product whose limit is exceeded in the current plan",
        verbose: "",
        note: "not in the Account Server, only 25xx and 35xx are defined",
    },
    EntrecodeCode {
        code: 511,
        title: "Insufficient plan for creation",
        status: 403,
        systems: Systems::Only(&[2, 3]),
        detail: "the product whose limit is exceeded in the current plan",
        verbose: "",
        note: "not in the Account Server, only 25xx and 35xx are defined",
    },
];

/// The documented row of the local code `code` (`0` is [`INTERNAL`]).
#[must_use]
pub const fn lookup(code: u16) -> Option<&'static EntrecodeCode> {
    if code == 0 {
        return Some(&INTERNAL);
    }
    let mut i = 0;
    while i < CODES.len() {
        if CODES[i].code == code {
            return Some(&CODES[i]);
        }
        i += 1;
    }
    None
}
