//! Cross-document linking for the corpus store.
//!
//! - [`Signature`]: MinHash over word shingles of a document's body text, [`Signature::band_keys`]
//!   for LSH candidate search, [`DupThresholds::verify`] for the Jaccard / containment check;
//! - [`UnionFind`]: near-duplicate pairs → groups;
//! - [`trace`] / [`provenance`]: the origin of a group and what each member was copied from;
//! - [`group_claims`]: attributions across documents → claims, with independent outlets and
//!   contradictions;
//! - [`merge_entities`]: entities across documents by canonical name and alias.
//!
//! Everything here is pure computation over plain rows; the store decides what to load.

mod claims;
mod entities;
mod minhash;
mod provenance;
pub mod tokens;
mod unionfind;

pub use claims::{
    about_matches, assemble_claim, by_matches, claim_class, contradicts, date_key, group_claims, same_claim,
    AttrRow, Claim, ClaimFilter, ClaimOptions, Contradiction,
};
pub use entities::{merge_entities, EntityRow, EntitySummary};
pub use minhash::{
    shingles, DupThresholds, Signature, Similarity, BANDS, NUM_HASHES, ROWS, SHINGLE, SIGNATURE_VERSION,
};
pub use provenance::{
    independence_key, provenance, trace, Evidence, GroupProvenance, Member, Origin, OriginHint, Provenance,
};
pub use unionfind::UnionFind;
