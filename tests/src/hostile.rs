//! Hostile values for the property tests: strings that are hard on a JSON
//! writer (escapes, control characters, non-BMP, bidi and URI characters),
//! short and, now and then, very long.

use proptest::prelude::*;

/// Characters that are hard on a JSON writer.
pub const HARD: &[char] = &[
    '"',
    '\\',
    '/',
    '\0',
    '\u{1}',
    '\u{8}',
    '\t',
    '\n',
    '\u{b}',
    '\u{c}',
    '\r',
    '\u{1b}',
    '\u{1f}',
    '\u{7f}',
    '\u{80}',
    '\u{9f}',
    '\u{a0}',
    '\u{ad}',
    '\u{2028}',
    '\u{2029}',
    '\u{200b}',
    '\u{202e}',
    '\u{feff}',
    '\u{fffd}',
    '\u{ffff}',
    '\u{10ffff}',
    'é',
    'ß',
    'Ω',
    '中',
    '😀',
    '{',
    '}',
    '<',
    '>',
    '&',
    '\'',
    '|',
    ' ',
    '%',
    '#',
    '?',
];

/// A short string: random unicode, hard characters, or empty.
pub fn short_text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => any::<String>(),
        3 => proptest::collection::vec(proptest::sample::select(HARD), 0..24)
            .prop_map(|chars| chars.into_iter().collect()),
        1 => Just(String::new()),
    ]
    .boxed()
}

/// A string of any kind: a short one, or now and then one of up to 100 KB.
pub fn text() -> BoxedStrategy<String> {
    prop_oneof![
        15 => short_text(),
        1 => (
            proptest::collection::vec(proptest::sample::select(HARD), 1..8),
            1usize..12_500,
        )
            .prop_map(|(chars, times)| chars.into_iter().collect::<String>().repeat(times)),
    ]
    .boxed()
}
