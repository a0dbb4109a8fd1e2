//! The document model shared by every stage of dossier.
//!
//! The original text of a document is never rewritten. Every layer — sentences, tokens,
//! quotations, boilerplate, entities, times, attributions, events — is a list of [`Span`]s,
//! byte ranges into that text. A [`Text`] pairs the string with a [`CharIndex`] so that any
//! span also has its Unicode-scalar ("char") offsets, which is what the JSON contract
//! ([`contract`]) uses.

pub mod contract;
mod span;

pub use span::{CharIndex, Span, Text};
