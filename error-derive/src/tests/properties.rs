//! Property tests of the derive as a function: for random types with random,
//! mostly malformed `#[api(...)]` contents, the derive never panics, its
//! output is always valid Rust items, and every error it reports points at a
//! token of the input (never at the call site, where rustc would show it on
//! the whole `#[derive]` or nowhere useful).
//!
//! The inputs are written as source text and parsed with `syn::parse_str`,
//! which gives every token a real position (proc-macro2's `span-locations`,
//! a dev-dependency feature): a span is inside the input when it can be
//! joined with the input's own span.
//!
//! `PROPTEST_CASES` sets the number of cases (default 10 000).

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};

use proc_macro2::{Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRunner};

use crate::derive::derive;

/// The number of generated inputs of one test: `PROPTEST_CASES`, else
/// `default`. The defaults (8 500 hostile and 1 500 plausible inputs, run in
/// parallel) keep a run of both within seconds in an unoptimised test build.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------------------
// Generators: source text, always a syntactically valid `DeriveInput` (the
// contents of an attribute are free token trees: anything balanced goes).

/// One of `options`, as an owned string.
fn one_of(options: &'static [&'static str]) -> BoxedStrategy<String> {
    proptest::sample::select(options)
        .prop_map(str::to_owned)
        .boxed()
}

/// Type and variant names, some of them hostile.
fn type_name() -> BoxedStrategy<String> {
    one_of(&[
        "E", "A", "B", "Error", "Result", "Option", "Some", "r#type", "Self_", "u16", "ε",
    ])
}

/// Field names: plain, colliding with generated names, raw, non-ASCII.
fn field_name() -> BoxedStrategy<String> {
    one_of(&[
        "a",
        "b",
        "name",
        "field",
        "code",
        "detail",
        "r#type",
        "r#match",
        "__out",
        "__serializer",
        "self_",
        "naïve",
    ])
}

/// Field types: what the derive accepts and what it does not.
fn field_type() -> BoxedStrategy<String> {
    one_of(&[
        "u8",
        "String",
        "Option<String>",
        "std::option::Option<u32>",
        "core::option::Option<T>",
        "Option",
        "Vec<E>",
        "Box<[E]>",
        "&'a [E]",
        "&'a str",
        "T",
        "Option<T>",
        "Inner",
        "(u8, String)",
        "[u8; 4]",
        "fn() -> u8",
        "Box<dyn std::error::Error>",
        "!",
        "_",
        "Self",
        "<T as Trait>::Assoc",
    ])
}

/// Integers: valid codes and statuses of both formats, edges, garbage.
fn integer() -> BoxedStrategy<String> {
    prop_oneof![
        4 => (0u64..=20).prop_map(|n| n.to_string()),
        3 => (395u64..=605).prop_map(|n| n.to_string()),
        3 => (95u64..=1010).prop_map(|n| n.to_string()),
        3 => (990u64..=10_010).prop_map(|n| n.to_string()),
        2 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<u32>().prop_map(|n| format!("{n}u8")),
        2 => one_of(&[
            "-1", "-0", "0x10", "0o7", "0b1", "1_000", "2_202", "3u16", "99999999999999999999999999",
            "18446744073709551616", "1e3", "3.5", "4294967295", "4294967296",
        ]),
    ]
    .boxed()
}

/// Pieces of string values: templates, URLs, formats, unicode, escapes.
fn text_piece() -> BoxedStrategy<String> {
    prop_oneof![
        3 => one_of(&[
            "oz", "entrecode", "ozz", "Oz", "", " ", "Missing ", "{", "}", "{{", "}}", "{a}", "{0}",
            "{1}", "{name}", "{a:?}", "{0:>5}", "{}", "{ }", "{r#type}", "{self}", "{4294967296}",
            "{code}", "https://example.com/", "http://", "ftp://x/", "https://", "/{code}",
            "my_api::errors", "crate::x", "a b", "::", "\"", "\\", "\n", "\t", "\u{0}", "\u{7f}",
            "é", "😀", "\u{202e}", "\u{feff}",
        ]),
        1 => one_of(&["abc", "x", "Field"]),
    ]
    .boxed()
}

/// A string literal (plain or raw) or another string-like literal.
fn string_literal() -> BoxedStrategy<String> {
    let text = proptest::collection::vec(text_piece(), 0..5).prop_map(|pieces| pieces.concat());
    prop_oneof![
        8 => text.clone().prop_map(|text| format!("{text:?}")),
        1 => text.prop_map(|text| {
            if text.contains('"') || text.contains('\r') {
                "r\"raw\"".to_owned()
            } else {
                format!("r#\"{text}\"#")
            }
        }),
        1 => one_of(&["b\"oz\"", "'c'", "b'c'", "c\"oz\"", "\"oz\"suffix"]),
    ]
    .boxed()
}

/// A value after `=`: the right kind, the wrong kind, or nonsense.
fn value(depth: u32) -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        4 => integer(),
        4 => string_literal(),
        3 => field_name(),
        1 => one_of(&[
            "true", "false", "a::b", "::a", "self", "crate", "Self", "_", "1 + 2", "-x", "&a",
            "|| 1", "a.b", "a()", "()", "[]", "{}", "[1, 2]", "(1, 2)", "\"a\" \"b\"", "= 3", ",",
            "#", "'a", "..", "14 15", "if x { 1 } else { 2 }",
        ]),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    prop_oneof![
        6 => leaf,
        1 => items(depth - 1).prop_map(|items| format!("up({items})")),
        1 => items(depth - 1).prop_map(|items| format!("({items})")),
        1 => items(depth - 1).prop_map(|items| format!("[{items}]")),
    ]
    .boxed()
}

/// A key: every known key, misspellings, other names, paths, keywords.
fn key() -> BoxedStrategy<String> {
    prop_oneof![
        8 => one_of(&[
            "format", "system", "type_url", "up", "crate", "code", "status", "title", "detail",
            "verbose", "embed", "transparent", "into_response", "framework_errors", "headers",
        ]),
        2 => one_of(&[
            "formt", "fromat", "cod", "Code", "titel", "detials", "statsu", "typeurl", "type", "uP",
            "verbos", "embedd", "transparant", "sytem", "krate", "framework_error",
            "not_found", "panic",
        ]),
        1 => one_of(&[
            "r#code", "a::b", "api::code", "self", "super", "xyz", "title_", "_", "href", "doc",
        ]),
    ]
    .boxed()
}

/// One `#[api(...)]` item.
fn item(depth: u32) -> BoxedStrategy<String> {
    let flat = prop_oneof![
        // `key = value`, with all sorts of keys and values.
        10 => (key(), value(depth)).prop_map(|(key, value)| format!("{key} = {value}")),
        // A plausible item, so that many inputs get far into validation.
        10 => plausible_item(),
        // `key`, `key = `, `key = a b`, a bare literal.
        2 => key(),
        1 => key().prop_map(|key| format!("{key} =")),
        1 => (key(), value(0), value(0)).prop_map(|(key, a, b)| format!("{key} = {a} {b}")),
        1 => value(0),
    ];
    if depth == 0 {
        return flat.boxed();
    }
    // `key(...)`: a list where a value belongs, or garbage inside `up(...)`.
    prop_oneof![
        15 => flat,
        2 => (key(), items(depth - 1)).prop_map(|(key, items)| format!("{key}({items})")),
    ]
    .boxed()
}

/// An item that is right on its own (the combination may still be wrong).
fn plausible_item() -> BoxedStrategy<String> {
    prop_oneof![
        2 => one_of(&["format = \"oz\"", "format = \"entrecode\""]),
        1 => (0u64..=10).prop_map(|system| format!("system = {system}")),
        1 => one_of(&[
            "type_url = \"https://entrecode.de/doc/errors/{code}\"",
            "type_url = \"https://example.com/{code}/x\"",
            "type_url = \"https://example.com\"",
        ]),
        1 => one_of(&[
            "up(title = \"Home\", href = \"https://example.com\")",
            "up(title = \"Ç \\\"q\\\"\", href = \"https://example.com/{code}\")",
        ]),
        1 => one_of(&["crate = \"my_api::errors\"", "crate = \"::api_errors\""]),
        4 => prop_oneof![0u64..=15, 1000u64..=3999, 100u64..=600]
            .prop_map(|code| format!("code = {code}")),
        2 => prop_oneof![400u64..=599, Just(200), Just(600)]
            .prop_map(|status| format!("status = {status}")),
        2 => string_literal().prop_map(|title| format!("title = {title}")),
        2 => prop_oneof![
            field_name(),
            (0u32..4).prop_map(|index| index.to_string()),
            string_literal(),
        ]
        .prop_map(|detail| format!("detail = {detail}")),
        1 => prop_oneof![field_name(), (0u32..4).prop_map(|index| index.to_string())]
            .prop_map(|member| format!("verbose = {member}")),
        1 => prop_oneof![field_name(), (0u32..4).prop_map(|index| index.to_string())]
            .prop_map(|member| format!("embed = {member}")),
        1 => Just("transparent".to_owned()),
        1 => one_of(&["into_response = false", "into_response = true"]),
        1 => prop_oneof![
            field_name().prop_map(|field| format!("headers(retry_after = {field})")),
            Just("headers(www_authenticate = \"Bearer\", www_authenticate = \"x\")".to_owned()),
            Just("headers(content_type = 1)".to_owned()),
        ],
        1 => prop_oneof![
            Just("framework_errors".to_owned()),
            (
                one_of(&["not_found", "panic", "missing_property", "timeout", "nope"]),
                field_name(),
            )
                .prop_map(|(case, variant)| format!("framework_errors({case} = {variant})")),
            field_name().prop_map(|variant| format!(
                "framework_errors(invalid_body = {variant}, invalid_body = {variant})"
            )),
        ],
    ]
    .boxed()
}

/// The items of one attribute, with odd separators now and then.
fn items(depth: u32) -> BoxedStrategy<String> {
    let separator = prop_oneof![8 => Just(", "), 1 => Just(","), 1 => Just(", ,"), 1 => Just(" ")];
    proptest::collection::vec((item(depth), separator), 0..4)
        .prop_map(|items| {
            let mut out = String::new();
            for (index, (item, separator)) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(separator);
                }
                out.push_str(item);
            }
            out
        })
        .boxed()
}

/// An attribute on an item: `#[api(...)]` in every shape, docs, others.
fn attribute() -> BoxedStrategy<String> {
    prop_oneof![
        12 => items(1).prop_map(|items| format!("#[api({items})]")),
        1 => Just("#[api]".to_owned()),
        1 => prop_oneof![integer(), string_literal(), field_name()]
            .prop_map(|value| format!("#[api = {value}]")),
        1 => items(0).prop_map(|items| format!("#[api[{items}]]")),
        1 => items(0).prop_map(|items| format!("#[api{{{items}}}]")),
        2 => string_literal().prop_map(|doc| format!("#[doc = {doc}]")),
        1 => Just("/// A doc comment.\n".to_owned()),
        1 => Just("///\n".to_owned()),
        1 => one_of(&[
            "#[doc]",
            "#[doc(hidden)]",
            "#[doc = 3]",
            "#[serde(rename = \"x\")]",
            "#[api::x(code = 1)]",
            "#[cfg(any())]",
            "#[allow(dead_code)]",
        ]),
    ]
    .boxed()
}

fn attributes(max: usize) -> BoxedStrategy<String> {
    proptest::collection::vec(attribute(), 0..=max)
        .prop_map(|attrs| attrs.join("\n"))
        .boxed()
}

/// The fields of a variant or struct; `tail` ends a struct (`;`), not a variant.
fn fields(tail: &'static str) -> BoxedStrategy<String> {
    let field_attrs = prop_oneof![6 => Just(String::new()), 1 => attribute()];
    prop_oneof![
        2 => Just(tail.to_owned()),
        3 => proptest::collection::vec((field_attrs.clone(), field_type()), 0..4).prop_map(
            move |fields| {
                let fields: Vec<String> =
                    fields.into_iter().map(|(attrs, ty)| format!("{attrs} {ty}")).collect();
                format!("({}){tail}", fields.join(", "))
            }
        ),
        3 => proptest::collection::vec((field_attrs, field_name(), field_type()), 0..4).prop_map(
            |fields| {
                let fields: Vec<String> = fields
                    .into_iter()
                    .map(|(attrs, name, ty)| format!("{attrs} {name}: {ty}"))
                    .collect();
                format!("{{ {} }}", fields.join(", "))
            }
        ),
    ]
    .boxed()
}

fn variant() -> BoxedStrategy<String> {
    let discriminant = prop_oneof![8 => Just(""), 1 => Just(" = 3"), 1 => Just(" = -1")];
    (attributes(2), type_name(), fields(""), discriminant)
        .prop_map(|(attrs, name, fields, discriminant)| {
            format!("{attrs}\n{name} {fields}{discriminant}")
        })
        .boxed()
}

fn generics() -> BoxedStrategy<(String, String)> {
    (
        one_of(&[
            "",
            "",
            "<T>",
            "<'a>",
            "<'a, T: core::fmt::Display>",
            "<T, const N: usize>",
            "<T = u8>",
        ]),
        one_of(&["", "", "where T: Clone", "where T: Clone,", "where"]),
    )
        .boxed()
}

/// A whole derive input: an enum, a struct, now and then a union.
fn derive_input() -> BoxedStrategy<String> {
    let vis = one_of(&["", "pub ", "pub(crate) "]);
    let enum_input = (
        attributes(3),
        vis.clone(),
        type_name(),
        generics(),
        proptest::collection::vec(variant(), 0..4),
    )
        .prop_map(|(attrs, vis, name, (generics, where_clause), variants)| {
            format!(
                "{attrs}\n{vis}enum {name}{generics} {where_clause} {{\n{}\n}}",
                variants.join(",\n")
            )
        });
    let struct_input = (attributes(3), vis, type_name(), generics(), fields(";")).prop_map(
        |(attrs, vis, name, (generics, where_clause), fields)| {
            // A where clause goes before named fields and after tuple fields.
            if fields.starts_with('{') {
                format!("{attrs}\n{vis}struct {name}{generics} {where_clause} {fields}")
            } else if fields.starts_with('(') {
                let fields = fields.trim_end_matches(';');
                format!("{attrs}\n{vis}struct {name}{generics}{fields} {where_clause};")
            } else {
                format!("{attrs}\n{vis}struct {name}{generics} {where_clause};")
            }
        },
    );
    let union_input = (attributes(2), type_name())
        .prop_map(|(attrs, name)| format!("{attrs}\nunion {name} {{ a: u8 }}"));
    prop_oneof![10 => enum_input, 5 => struct_input, 1 => union_input].boxed()
}

// ---------------------------------------------------------------------------
// Plausible inputs: right in every key, with a hostile item mixed into some
// variants, so that many reach the end of validation and the expanders.

/// The members of a variant shape, and its fields as written.
const SHAPES: [(&[&str], &str); 5] = [
    (&[], ""),
    (&["0", "1"], "(String, u32)"),
    (&["name", "extra"], "{ name: String, extra: Option<u32> }"),
    (&["value", "causes"], "{ value: T, causes: Vec<E> }"),
    (&["0", "1", "2"], "(Option<String>, u8, Box<[E]>)"),
];

/// One variant's choices, rendered by [`render_variant`].
#[derive(Clone, Debug)]
struct Choices {
    shape: usize,
    status: u8,
    title: u8,
    detail: u8,
    verbose: bool,
    embed: bool,
    doc: bool,
    hostile: Option<String>,
}

fn choices() -> impl Strategy<Value = Choices> {
    (
        0..SHAPES.len(),
        0u8..4,
        0u8..5,
        0u8..4,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![5 => Just(None), 1 => item(0).prop_map(Some)],
    )
        .prop_map(
            |(shape, status, title, detail, verbose, embed, doc, hostile)| Choices {
                shape,
                status,
                title,
                detail,
                verbose,
                embed,
                doc,
                hostile,
            },
        )
}

/// A variant named `name` with `code`, in the Oz format or entrecode.
fn render_variant(name: &str, code: u16, entrecode: bool, choices: &Choices) -> String {
    let (members, fields) = SHAPES[choices.shape];
    let displayable: Vec<&str> = members
        .iter()
        .copied()
        .filter(|member| !matches!(*member, "causes" | "2"))
        .collect();
    // The internal error x000 discloses nothing.
    let internal = entrecode && code.is_multiple_of(1000);
    let mut keys = vec![format!("code = {code}")];
    let server = if entrecode {
        code % 1000 < 100
    } else {
        matches!(code, 0 | 2 | 11 | 12)
    };
    let undocumented = entrecode && crate::common::entrecode_table::lookup(code % 1000).is_none();
    match (choices.status, undocumented) {
        (1, _) | (_, true) if server => keys.push(format!("status = {}", 500 + code % 100)),
        (1, _) | (_, true) if !entrecode || undocumented => {
            keys.push(format!("status = {}", 400 + code % 100));
        }
        _ => {}
    }
    let member = displayable.get(usize::from(choices.title) % displayable.len().max(1));
    match (choices.title, member) {
        (1, _) => keys.push("title = \"A \\\"quoted\\\" {{title}} é\"".into()),
        (2 | 3, Some(member)) if !internal => {
            keys.push(format!("title = \"Missing {{{member}}}\""));
        }
        _ if undocumented => keys.push("title = \"Undocumented\"".into()),
        _ => {}
    }
    if !internal {
        match (choices.detail, displayable.first()) {
            (1, Some(member)) => keys.push(format!("detail = {member}")),
            (2, Some(member)) => keys.push(format!("detail = \"in {{{member}}}\"")),
            (3, _) => keys.push("detail = \"fixed text\"".into()),
            _ => {}
        }
        if entrecode && choices.verbose && !members.is_empty() {
            keys.push(format!("verbose = {}", members[members.len() - 1]));
        }
        if entrecode && choices.embed {
            match choices.shape {
                3 => keys.push("embed = causes".into()),
                4 => keys.push("embed = 2".into()),
                _ => {}
            }
        }
    }
    keys.extend(choices.hostile.clone());
    let doc = if choices.doc { "/// A variant.\n" } else { "" };
    format!("{doc}#[api({})]\n{name} {fields}", keys.join(", "))
}

/// Whether the format is entrecode, and each variant's code and choices.
type Variants = (bool, Vec<(u16, Choices)>);

/// An Oz or entrecode enum that is valid but for the hostile items.
fn plausible_input() -> BoxedStrategy<String> {
    let oz_codes: Vec<u16> = (0..=14).collect();
    let entrecode_codes: Vec<u16> = std::iter::once(2000)
        .chain(
            crate::common::entrecode_table::CODES
                .iter()
                .filter(|row| row.is_defined_in(2))
                .map(|row| 2000 + row.code),
        )
        .chain([2901, 2999, 2050])
        .collect();
    let oz = proptest::collection::vec((proptest::sample::select(oz_codes), choices()), 1..4)
        .prop_map(|variants| (false, variants));
    let entrecode = proptest::sample::subsequence(entrecode_codes, 1..4)
        .prop_flat_map(|codes| {
            let count = codes.len();
            (
                Just(codes),
                proptest::collection::vec(choices(), count..=count),
            )
        })
        .prop_map(|(codes, choices)| (true, codes.into_iter().zip(choices).collect()));
    let container = prop_oneof![
        6 => Just(String::new()),
        1 => Just(", crate = \"my_api::errors\"".to_owned()),
        1 => item(0).prop_map(|item| format!(", {item}")),
    ];
    let generics = one_of(&["", "<T>", "<'a, T: core::fmt::Display>"]);
    (prop_oneof![oz, entrecode], container, generics)
        .prop_map(|((entrecode, variants), container, generics): (Variants, String, String)| {
            let format = if entrecode {
                "format = \"entrecode\", system = 2, type_url = \"https://example.com/{code}\", up(title = \"Home\", href = \"https://example.com\")"
            } else {
                "format = \"oz\""
            };
            let variants: Vec<String> = variants
                .iter()
                .enumerate()
                .map(|(index, (code, choices))| {
                    render_variant(&format!("V{index}"), *code, entrecode, choices)
                })
                .collect();
            format!(
                "#[api({format}{container})]\nenum E{generics} {{\n{}\n}}",
                variants.join(",\n")
            )
        })
        .boxed()
}

// ---------------------------------------------------------------------------
// Checks.

/// One `compile_error!` of the output: its message, and the spans of its
/// tokens (the macro's path and its argument carry the error's first and
/// last span).
struct ReportedError {
    message: TokenStream,
    spans: Vec<Span>,
}

/// Every `compile_error!` in `tokens`, at any depth.
fn reported_errors(tokens: TokenStream, found: &mut Vec<ReportedError>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (index, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                let mut spans = vec![ident.span()];
                let mut message = TokenStream::new();
                if let Some(TokenTree::Group(group)) = tokens.get(index + 2) {
                    message = group.stream();
                    spans.extend([group.span_open(), group.span_close()]);
                    spans.extend(group.stream().into_iter().map(|token| token.span()));
                }
                found.push(ReportedError { message, spans });
            }
            TokenTree::Group(group) => reported_errors(group.stream(), found),
            _ => {}
        }
    }
}

/// Whether `span` is the position of a token of the input, whose first token
/// is at `input`.
fn inside(span: Span, input: Span) -> bool {
    // `join` succeeds only for two spans of the same source text; the call
    // site belongs to none.
    input.join(span).is_some()
}

#[derive(Default)]
struct Tally {
    parsed: AtomicUsize,
    expanded: AtomicUsize,
    refused: AtomicUsize,
    errors: AtomicUsize,
}

fn check(source: &str, tally: &Tally) -> Result<(), TestCaseError> {
    // Spans are kept per thread for every parsed text; forget the last ones.
    proc_macro2::extra::invalidate_current_thread_spans();
    let input: syn::DeriveInput = syn::parse_str(source).map_err(|error| {
        TestCaseError::fail(format!("the generator wrote an invalid input ({error})"))
    })?;
    // Any token of the input anchors the source text it was parsed from.
    let anchor = quote::ToTokens::to_token_stream(&input)
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |token| token.span());
    let output = catch_unwind(AssertUnwindSafe(|| derive(&input)))
        .map_err(|_| TestCaseError::fail("the derive panicked"))?;
    let mut errors = Vec::new();
    reported_errors(output.clone(), &mut errors);
    // The output is valid Rust items. Parsing a whole expansion costs more
    // than deriving it, so an expansion is parsed one case in four.
    if !errors.is_empty()
        || tally
            .parsed
            .fetch_add(1, Ordering::Relaxed)
            .is_multiple_of(4)
    {
        syn::parse2::<syn::File>(output.clone()).map_err(|error| {
            TestCaseError::fail(format!(
                "the output is not valid Rust items ({error}):\n{output}"
            ))
        })?;
    }
    let mut outside = String::new();
    for error in &errors {
        for span in error.spans.iter().filter(|span| !inside(**span, anchor)) {
            let _ = writeln!(outside, "{} (at {span:?})", error.message);
        }
    }
    if !outside.is_empty() {
        return Err(TestCaseError::fail(format!(
            "errors without a span in the input:\n{outside}"
        )));
    }
    if errors.is_empty() {
        // The impls sit in an anonymous `const` block beside the table.
        fn implements(tokens: TokenStream) -> bool {
            tokens.into_iter().any(|token| match &token {
                TokenTree::Ident(ident) => ident == "impl",
                TokenTree::Group(group) => implements(group.stream()),
                _ => false,
            })
        }
        let implements = implements(output);
        if !implements {
            return Err(TestCaseError::fail("no error and no impl"));
        }
        tally.expanded.fetch_add(1, Ordering::Relaxed);
    } else {
        tally.refused.fetch_add(1, Ordering::Relaxed);
        tally.errors.fetch_add(errors.len(), Ordering::Relaxed);
    }
    Ok(())
}

/// Runs `check` on `cases` inputs of `strategy`; returns how many expanded.
fn run(strategy: &BoxedStrategy<String>, cases: u32) -> usize {
    let mut runner = TestRunner::new(Config {
        cases,
        // Shrinking strings of source text is slow and the failing input is
        // printed whole anyway.
        max_shrink_iters: 256,
        // The failing input is printed; there is no source file to record
        // it next to (this is a unit test of a proc-macro crate).
        failure_persistence: None,
        // proptest's default ChaCha generator dominates the run time of an
        // unoptimised test build; XorShift is ample for generating inputs.
        rng_algorithm: RngAlgorithm::XorShift,
        ..Config::default()
    });
    let tally = Tally::default();
    if let Err(error) = runner.run(strategy, |source| check(&source, &tally)) {
        panic!("{error}");
    }
    let expanded = tally.expanded.load(Ordering::Relaxed);
    let refused = tally.refused.load(Ordering::Relaxed);
    eprintln!(
        "{cases} derive inputs: {expanded} expanded, {refused} refused with {} errors",
        tally.errors.load(Ordering::Relaxed)
    );
    assert_eq!(expanded + refused, cases as usize, "every case was checked");
    expanded
}

#[test]
fn hostile_inputs_never_panic_and_every_error_points_into_the_input() {
    let cases = cases(8_500);
    let expanded = run(&derive_input(), cases);
    // Nearly everything here is wrong; the generator must not degenerate
    // into inputs that say nothing at all either.
    assert!(
        expanded * 2 <= cases as usize,
        "over half of the hostile inputs expanded"
    );
}

#[test]
fn plausible_inputs_expand_or_point_at_the_mistake() {
    let cases = cases(1_500);
    let expanded = run(&plausible_input(), cases);
    // These reach the expanders: a run in which few do proves little.
    assert!(
        expanded * 4 >= cases as usize,
        "under a quarter of the plausible inputs expanded"
    );
}
