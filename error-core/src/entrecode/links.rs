//! entrecode's `_links` on the serde path: `{"up": link, "describedby":
//! link}`, each link `{"title": …, "href": …}`, written straight-line with
//! the strings of the constant object the derive's plan put in the table.
//! The generic walk of a constant object costs about 300 instructions more
//! per body, reading the keys from the table too about 100 more
//! (BENCHMARKS.md); `tests/test_wire_shapes.rs` ties these keys to the
//! plan's (error-derive's `format/entrecode.rs`) on both paths.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::__private::Constant;

/// Serialises `_links`.
#[inline]
pub(super) fn serialize<S: Serializer>(links: Constant, serializer: S) -> Result<S::Ok, S::Error> {
    let mut state = serializer.serialize_struct("Links", 2)?;
    state.serialize_field("up", &Link(links.object(0)))?;
    state.serialize_field("describedby", &Link(links.object(1)))?;
    state.end()
}

/// One link.
struct Link(Constant);

impl Serialize for Link {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Link(link) = *self;
        let mut state = serializer.serialize_struct("Link", 2)?;
        state.serialize_field("title", link.string(0))?;
        state.serialize_field("href", link.string(1))?;
        state.end()
    }
}
