//! Word clusters: each (lowercased) word type maps to a path in a binary hierarchy; the
//! taggers use path prefixes as features. Learned from unlabeled text by
//! [`crate::brown`], stored in `models/clusters.bin`.

use std::path::Path;
use std::sync::LazyLock;

use crate::format::{self, Reader, Writer};
use crate::hash::{feat, IdMap};
use crate::ModelError;

pub const KIND: [u8; 4] = *b"CLUS";
pub const VERSION: u32 = 1;

/// Path prefix lengths used as features.
pub const PREFIXES: [u8; 4] = [4, 6, 10, 20];

#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// lowercase key → (path bits, path length); bit 0 of the path is the top split.
    map: IdMap<(u32, u8)>,
    /// CRC of the serialised table: models trained with these clusters record it.
    pub fingerprint: u32,
}

static EMBEDDED: &[u8] = include_bytes!("../../../models/clusters.bin");
static GLOBAL: LazyLock<Result<Clusters, ModelError>> = LazyLock::new(|| Clusters::from_bytes(EMBEDDED));

impl Clusters {
    /// The clusters shipped with the library.
    pub fn global() -> Result<&'static Clusters, ModelError> {
        GLOBAL.as_ref().map_err(Clone::clone)
    }

    pub fn from_paths(entries: impl IntoIterator<Item = (u64, u32, u8)>) -> Clusters {
        let mut c = Clusters::default();
        for (k, bits, len) in entries {
            c.map.insert(k, (bits, len.min(32)));
        }
        c.fingerprint = crc32fast::hash(&c.payload());
        c
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn path(&self, lower_key: u64) -> Option<(u32, u8)> {
        self.map.get(&lower_key).copied()
    }

    /// Feature atoms for the path prefixes of a word (0 when unknown).
    pub fn atoms(&self, lower_key: u64) -> [u64; 4] {
        let mut out = [0u64; 4];
        if let Some((bits, len)) = self.path(lower_key) {
            for (i, &p) in PREFIXES.iter().enumerate() {
                let l = p.min(len);
                let masked = if l >= 32 { bits } else { bits & ((1u32 << l) - 1) };
                out[i] = feat(900 + i as u32, &[u64::from(masked), u64::from(l)]);
            }
        }
        out
    }

    fn payload(&self) -> Vec<u8> {
        let mut rows: Vec<(u64, u32, u8)> = self.map.iter().map(|(&k, &(b, l))| (k, b, l)).collect();
        rows.sort_unstable();
        let mut w = Writer::default();
        w.u32(rows.len() as u32);
        for (k, b, l) in rows {
            w.u64(k);
            w.u32(b);
            w.u8(l);
        }
        w.0
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        format::wrap(KIND, VERSION, &self.payload())
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, ModelError> {
        let payload = format::unwrap(bytes, KIND, VERSION)?;
        let mut r = Reader::new(payload);
        let n = r.count(13)?;
        let mut map = IdMap::default();
        map.reserve(n);
        for _ in 0..n {
            let k = r.u64()?;
            let b = r.u32()?;
            let l = r.u8()?;
            if l > 32 {
                return Err(ModelError::Corrupt("cluster path longer than 32".into()));
            }
            map.insert(k, (b, l));
        }
        r.done()?;
        Ok(Clusters { map, fingerprint: crc32fast::hash(payload) })
    }

    pub fn load(path: &Path) -> Result<Clusters, ModelError> {
        Clusters::from_bytes(&crate::read_model_file(path)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_prefix_atoms() {
        let c = Clusters::from_paths([(11, 0b1011, 4), (13, 0b0011, 4), (15, 0b1011, 12)]);
        let back = Clusters::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(back.fingerprint, c.fingerprint);
        assert_eq!(back.path(11), Some((0b1011, 4)));
        let (a, b, d) = (back.atoms(11), back.atoms(13), back.atoms(15));
        assert_ne!(a[0], b[0]);
        assert_eq!(a[0], d[0]);
        assert_eq!(back.atoms(99), [0; 4]);
    }
}
