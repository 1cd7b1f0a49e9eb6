//! What a generated arm hands to the table with its record: the variant's
//! fields, by slot.
//!
//! A variant's plan numbers the fields it reads: *display slots* (fields
//! written with `Display`: title and text placeholders, `Display` members)
//! and *serde slots* (fields serialised with serde). The arm passes each
//! kind as a tuple in slot order, nested in tuples of at most eight for long
//! lists, and the table's entries name a slot. Everything here is generic
//! over the field types only, so it is compiled once per field type, not
//! once per variant, and a slot read with a constant index folds to the
//! field itself.
#![allow(
    clippy::inline_always,
    reason = "inlined into each generated arm, the slot reads fold into the fields (BENCHMARKS.md)"
)]

use alloc::vec::Vec;
use core::fmt::{self, Display};

use serde::ser::{Serialize, Serializer};

use super::serde_check::DisplayStr;
use super::shielded::Shielded;
use super::write::write_display;
use crate::common::escape::escape_into;

/// A display slot's value: a string (written as is), or any other `Display`.
#[derive(Clone, Copy)]
pub enum Arg<'a> {
    /// A string type's text (see `Pick`).
    Str(&'a str),
    /// Any other `Display`.
    Display(&'a dyn Display),
}

impl Arg<'_> {
    /// Appends the text, JSON-escaped.
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(super) fn write(self, out: &mut Vec<u8>) {
        match self {
            Arg::Str(text) => escape_into(text, out),
            Arg::Display(value) => write_display(out, value),
        }
    }
}

impl Display for Arg<'_> {
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Str(text) => f.write_str(text),
            Arg::Display(value) => Shielded(*value).fmt(f),
        }
    }
}

impl Serialize for Arg<'_> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Str(text) => serializer.serialize_str(text),
            Arg::Display(value) => DisplayStr(*value).serialize(serializer),
        }
    }
}

/// The display slots of a variant: a field reference (`&T` with
/// `T: Display`), an [`Arg`] (a string field, chosen by `Pick`), an [`Opt`]
/// (an `Option` field, empty when `None`), or a tuple of those (nested for
/// long lists).
pub trait Displays {
    /// How many slots.
    const LEN: usize;
    /// The text in `slot`, if present.
    fn get(&self, slot: usize) -> Option<Arg<'_>>;
}

impl<T: Display> Displays for &T {
    const LEN: usize = 1;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        Some(Arg::Display(*self))
    }
}

impl Displays for Arg<'_> {
    const LEN: usize = 1;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        Some(*self)
    }
}

/// An `Option` field: a display slot that may be empty, or a serde slot
/// that may be absent.
pub struct Opt<'a, T>(pub &'a Option<T>);

impl<T: Display> Displays for Opt<'_, T> {
    const LEN: usize = 1;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        self.0.as_ref().map(|value| Arg::Display(value))
    }
}

impl Displays for () {
    const LEN: usize = 0;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn get(&self, _: usize) -> Option<Arg<'_>> {
        None
    }
}

/// A job done with one serde slot's value, whatever its type, or with its
/// absence.
///
/// Absence is a method of its own, not `with::<()>(None)`: a type to stand
/// for "no value" would be serialised (for nothing) in every user's crate.
pub trait WithValue {
    /// What the job gives.
    type Out;
    /// Does the job with a present value.
    fn with<T: Serialize + ?Sized>(self, value: &T) -> Self::Out;
    /// Does the job for an absent value.
    fn absent(self) -> Self::Out;
}

/// The serde slots of a variant: a field reference (`&T` with
/// `T: Serialize`), an [`Opt`] (absent when `None`), or a tuple of those
/// (nested for long lists).
pub trait SerdeValues {
    /// How many slots.
    const LEN: usize;
    /// Does `job` with the value in `slot` (`None` when absent, or when
    /// there is no such slot, which the derive never writes).
    fn value<J: WithValue>(&self, slot: usize, job: J) -> J::Out;
}

impl<T: Serialize + ?Sized> SerdeValues for &T {
    const LEN: usize = 1;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn value<J: WithValue>(&self, _: usize, job: J) -> J::Out {
        job.with(*self)
    }
}

impl<T: Serialize> SerdeValues for Opt<'_, T> {
    const LEN: usize = 1;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn value<J: WithValue>(&self, _: usize, job: J) -> J::Out {
        match self.0 {
            Some(value) => job.with(value),
            None => job.absent(),
        }
    }
}

impl SerdeValues for () {
    const LEN: usize = 0;
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn value<J: WithValue>(&self, _: usize, job: J) -> J::Out {
        job.absent()
    }
}

/// `Displays` and `SerdeValues` for tuples, each element a run of slots.
macro_rules! slot_tuples {
    ($(($($name:ident),+))*) => {$(
        impl<$($name: Displays),+> Displays for ($($name,)+) {
            const LEN: usize = 0 $(+ $name::LEN)+;
            #[cfg_attr(not(debug_assertions), inline(always))]
            #[allow(non_snake_case, unused_assignments)]
            fn get(&self, mut slot: usize) -> Option<Arg<'_>> {
                let ($($name,)+) = self;
                $(
                    if slot < $name::LEN {
                        return $name.get(slot);
                    }
                    slot -= $name::LEN;
                )+
                None
            }
        }

        impl<$($name: SerdeValues),+> SerdeValues for ($($name,)+) {
            const LEN: usize = 0 $(+ $name::LEN)+;
            #[cfg_attr(not(debug_assertions), inline(always))]
            #[allow(non_snake_case, unused_assignments)]
            fn value<J: WithValue>(&self, mut slot: usize, job: J) -> J::Out {
                let ($($name,)+) = self;
                $(
                    if slot < $name::LEN {
                        return $name.value(slot, job);
                    }
                    slot -= $name::LEN;
                )+
                job.absent()
            }
        }
    )*};
}

slot_tuples! {
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, D)
    (A, B, C, D, E)
    (A, B, C, D, E, F)
    (A, B, C, D, E, F, G)
    (A, B, C, D, E, F, G, H)
}

/// No sub-errors: what a generated arm passes for a variant whose body
/// embeds none.
pub struct Nothing;
