//! The fast path: a plan as `write_json` code.
//!
//! Everything constant is rendered to JSON here, at compile time, and
//! adjacent constants are merged, so a variant without runtime parts is one
//! `extend_from_slice` of its whole body. Runtime parts call the small
//! helpers of `error_core::__private`, which escape straight into the buffer.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{LitByteStr, Type};

use super::{Expander, binding, option_inner, respan};
use crate::common::escape::escape_into;
use crate::model::Piece;
use crate::plan::{Object, OnError, Value};

/// What a runtime text (a `Display` field) is guessed to add, for the
/// buffer's first capacity.
const TEXT_HINT: usize = 32;
/// What a serde value is guessed to add (Oz `details`, entrecode `verbose`).
const SERDE_HINT: usize = 128;
/// What `_embedded` is guessed to add: one sub-error is about 150 bytes
/// (code, title, type URL, detail).
const EMBED_HINT: usize = 256;

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

/// The buffer capacity that fits a variant's body: its constant bytes plus a
/// guess for each runtime part.
pub fn size_hint(object: &Object<'_>) -> usize {
    let mut constant = Vec::new();
    let mut runtime = 0;
    for (index, member) in object.members.iter().enumerate() {
        constant.extend_from_slice(&key_bytes(index, member.key));
        match &member.value {
            Value::Const(value) => value.write_json(&mut constant),
            Value::Text(text) => {
                runtime += TEXT_HINT
                    * text
                        .iter()
                        .filter(|piece| matches!(piece, Piece::Field(_)))
                        .count();
            }
            Value::Display(_) => runtime += TEXT_HINT,
            Value::Serde(..) => runtime += SERDE_HINT,
            Value::Embed(_) => runtime += EMBED_HINT,
        }
    }
    constant.len() + 2 + runtime
}

/// Whether `ty` is written like a string type (`String`, `str`, `&str`,
/// `Cow<str>`, `Box<str>`, `Rc<str>`, `Arc<str>`, any path ending so). For
/// those the generated code asks [`Pick`] for the text, which writes the
/// `&str` directly when the type really is one of them and falls back on its
/// `Display` otherwise. Other types call `write_display` / `DisplayStr`
/// directly, whose trait errors point plainly at the field. (`Pick` is
/// `error_core::__private::Pick`.)
pub fn str_like(ty: &Type) -> bool {
    match ty {
        Type::Reference(reference) => str_like(&reference.elem),
        Type::Paren(inner) => str_like(&inner.elem),
        Type::Group(inner) => str_like(&inner.elem),
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().is_some_and(|last| {
            matches!(
                last.ident.to_string().as_str(),
                "String" | "str" | "Cow" | "Box" | "Rc" | "Arc"
            )
        }),
        _ => false,
    }
}

/// `(&Pick(value)).method(args)` with both `Pick` traits in scope (one of
/// them is always unused, hence the `allow`).
pub fn pick(private: &TokenStream, value: &TokenStream, call: &TokenStream) -> TokenStream {
    quote! {
        {
            #[allow(unused_imports)]
            use #private::{PickDisplay as _, PickStr as _};
            (&#private::Pick(#value)).#call
        }
    }
}

/// Code appending the JSON-escaped text of `value` (a reference to a field
/// of type `ty`), spanned on the type so that a missing `Display` is
/// reported there.
fn write_text_of(private: &TokenStream, value: &TokenStream, ty: &Type) -> TokenStream {
    let span = ty.span();
    let private = respan(private, span);
    if str_like(ty) {
        let code = pick(&private, value, &quote_spanned!(span=> __write_text(__out)));
        quote_spanned!(span=> #code;)
    } else {
        quote_spanned!(span=> #private::write_display(__out, #value);)
    }
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
                    value.write_json(&mut json);
                    ops.bytes(&json);
                }
                Value::Text(text) => {
                    ops.bytes(&key);
                    self.write_text(&mut ops, text);
                }
                Value::Display(field) => {
                    let value = binding(&field.member);
                    let write_string = |ops: &mut Ops, value: &syn::Ident, ty: &Type| {
                        ops.bytes(&key);
                        ops.bytes(b"\"");
                        ops.code(write_text_of(&private, &quote!(#value), ty));
                        ops.bytes(b"\"");
                    };
                    if let Some(inner_ty) = option_inner(&field.ty) {
                        let some = syn::Ident::new("__api_some", proc_macro2::Span::call_site());
                        let mut inner = Ops::default();
                        write_string(&mut inner, &some, inner_ty);
                        let inner = inner.into_tokens();
                        ops.code(
                            quote!(if let ::core::option::Option::Some(#some) = #value { #inner }),
                        );
                    } else {
                        write_string(&mut ops, &value, &field.ty);
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
                    ops.code(write_text_of(&private, &quote!(#value), &field.ty));
                }
            }
        }
        ops.bytes(b"\"");
    }
}
