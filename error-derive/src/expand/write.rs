//! The fast path: a plan as `write_json` code.
//!
//! Everything constant is rendered to JSON here, at compile time, and
//! adjacent constants are merged, so a variant without runtime parts is one
//! `extend_from_slice` of its whole body. Runtime parts call the small
//! helpers of `error_core::__private`, which escape straight into the buffer.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::LitByteStr;
use syn::spanned::Spanned as _;

use super::{Expander, binding, option_inner, respan};
use crate::common::escape::escape_into;
use crate::model::Piece;
use crate::plan::{Const, Object, OnError, Value};

/// What a runtime part is guessed to add, for the buffer's first capacity.
const RUNTIME_PART_HINT: usize = 32;

/// Code that appends to `__out`: constant bytes, merged, and runtime steps.
#[derive(Default)]
struct Ops {
    steps: Vec<Step>,
}

enum Step {
    Bytes(Vec<u8>),
    Code(TokenStream),
}

impl Ops {
    fn bytes(&mut self, bytes: &[u8]) {
        if let Some(Step::Bytes(last)) = self.steps.last_mut() {
            last.extend_from_slice(bytes);
        } else {
            self.steps.push(Step::Bytes(bytes.to_vec()));
        }
    }

    fn code(&mut self, code: TokenStream) {
        self.steps.push(Step::Code(code));
    }

    fn into_tokens(self) -> TokenStream {
        let steps = self.steps.into_iter().map(|step| match step {
            Step::Bytes(bytes) => {
                let literal = LitByteStr::new(&bytes, proc_macro2::Span::call_site());
                quote!(__out.extend_from_slice(#literal);)
            }
            Step::Code(code) => code,
        });
        quote!(#(#steps)*)
    }
}

/// `"key":`, with the comma that separates it from the member before.
fn key_bytes(index: usize, key: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(key.len() + 4);
    if index > 0 {
        bytes.push(b',');
    }
    bytes.push(b'"');
    escape_into(key, &mut bytes);
    bytes.extend_from_slice(b"\":");
    bytes
}

/// A constant's JSON, as `serde_json` would write it.
fn render(value: &Const, out: &mut Vec<u8>) {
    match value {
        Const::Null => out.extend_from_slice(b"null"),
        Const::Int(number) => out.extend_from_slice(number.to_string().as_bytes()),
        Const::Str(text) => {
            out.push(b'"');
            escape_into(text, out);
            out.push(b'"');
        }
        Const::Object(members) => {
            out.push(b'{');
            for (index, (key, value)) in members.iter().enumerate() {
                out.extend_from_slice(&key_bytes(index, key));
                render(value, out);
            }
            out.push(b'}');
        }
    }
}

/// The buffer capacity that fits a variant's body: its constant bytes plus a
/// guess for each runtime part.
pub fn size_hint(object: &Object<'_>) -> usize {
    let mut constant = Vec::new();
    let mut runtime_parts = 0;
    for (index, member) in object.members.iter().enumerate() {
        constant.extend_from_slice(&key_bytes(index, member.key));
        match &member.value {
            Value::Const(value) => render(value, &mut constant),
            Value::Text(text) => {
                runtime_parts += text
                    .iter()
                    .filter(|piece| matches!(piece, Piece::Field(_)))
                    .count();
            }
            Value::Display(_) | Value::Serde(..) | Value::Embed(_) => runtime_parts += 1,
        }
    }
    constant.len() + 2 + runtime_parts * RUNTIME_PART_HINT
}

impl Expander<'_> {
    /// Code appending `object`'s JSON to `__out`.
    pub fn write_object(&self, object: &Object<'_>) -> TokenStream {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        let mut ops = Ops::default();
        ops.bytes(b"{");
        for (index, member) in object.members.iter().enumerate() {
            let key = key_bytes(index, member.key);
            match &member.value {
                Value::Const(value) => {
                    ops.bytes(&key);
                    let mut json = Vec::new();
                    render(value, &mut json);
                    ops.bytes(&json);
                }
                Value::Text(text) => {
                    ops.bytes(&key);
                    self.write_text(&mut ops, text);
                }
                Value::Display(field) => {
                    let value = binding(&field.member);
                    let span = field.ty.span();
                    let write_string = |ops: &mut Ops, value: &syn::Ident| {
                        ops.bytes(&key);
                        ops.bytes(b"\"");
                        ops.code({
                            let private_here = respan(&private, span);
                            quote_spanned!(span=> #private_here::write_display(__out, #value);)
                        });
                        ops.bytes(b"\"");
                    };
                    if option_inner(&field.ty).is_some() {
                        let some = syn::Ident::new("__api_some", proc_macro2::Span::call_site());
                        let mut inner = Ops::default();
                        write_string(&mut inner, &some);
                        let inner = inner.into_tokens();
                        ops.code(
                            quote!(if let ::core::option::Option::Some(#some) = #value { #inner }),
                        );
                    } else {
                        write_string(&mut ops, &value);
                    }
                }
                Value::Serde(field, OnError::Null) => {
                    let value = binding(&field.member);
                    ops.bytes(&key);
                    ops.code({ let private_here = respan(&private, field.ty.span()); quote_spanned!(field.ty.span()=> #private_here::write_serde_or(__out, #value, b"null");) });
                }
                Value::Serde(field, OnError::Omit) => {
                    let value = binding(&field.member);
                    let key = LitByteStr::new(&key, proc_macro2::Span::call_site());
                    let span = field.ty.span();
                    if option_inner(&field.ty).is_some() {
                        ops.code({
                            let private_here = respan(&private, span);
                            quote_spanned!(span=>
                                if let ::core::option::Option::Some(__api_some) = #value {
                                    #private_here::write_serde_or_omit(__out, #key, __api_some);
                                }
                            )
                        });
                    } else {
                        ops.code({ let private_here = respan(&private, span); quote_spanned!(span=> #private_here::write_serde_or_omit(__out, #key, #value);) });
                    }
                }
                Value::Embed(field) => {
                    let value = binding(&field.member);
                    let key = LitByteStr::new(&key, proc_macro2::Span::call_site());
                    ops.code({
                        let private_here = respan(&private, field.ty.span());
                        quote_spanned!(field.ty.span()=>
                            if !#private_here::entrecode::Embed::is_empty(#value) {
                                __out.extend_from_slice(#key);
                                #private_here::entrecode::write_embedded(__out, #value);
                            }
                        )
                    });
                }
            }
        }
        ops.bytes(b"}");
        ops.into_tokens()
    }

    /// A text as a JSON string: literal pieces pre-escaped, fields escaped
    /// as they are written.
    fn write_text(&self, ops: &mut Ops, text: &[Piece<'_>]) {
        let krate = self.krate();
        let private = quote!(#krate::__private);
        ops.bytes(b"\"");
        for piece in text {
            match piece {
                Piece::Lit(literal) => {
                    let mut escaped = Vec::with_capacity(literal.len());
                    escape_into(literal, &mut escaped);
                    ops.bytes(&escaped);
                }
                Piece::Field(field) => {
                    let value = binding(&field.member);
                    ops.code({ let private_here = respan(&private, field.ty.span()); quote_spanned!(field.ty.span()=> #private_here::write_display(__out, #value);) });
                }
            }
        }
        ops.bytes(b"\"");
    }
}
