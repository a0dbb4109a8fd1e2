//! The model file container: `DOSSIERM` magic, a 4-byte kind, a format version, the
//! payload length and a CRC-32 of the payload, then the payload (little-endian fields).

use crate::ModelError;

pub const MAGIC: &[u8; 8] = b"DOSSIERM";
pub const HEADER_LEN: usize = 8 + 4 + 4 + 8 + 4;

pub fn wrap(kind: [u8; 4], version: u32, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&kind);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Checks the header and checksum and returns the payload.
pub fn unwrap(bytes: &[u8], kind: [u8; 4], version: u32) -> Result<&[u8], ModelError> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let found_kind: [u8; 4] = bytes[8..12].try_into().expect("4 bytes");
    if found_kind != kind {
        return Err(ModelError::WrongKind {
            expected: String::from_utf8_lossy(&kind).trim_end_matches('\0').to_string(),
            found: String::from_utf8_lossy(&found_kind).trim_end_matches('\0').to_string(),
        });
    }
    let found_version = u32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes"));
    if found_version != version {
        return Err(ModelError::Version { expected: version, found: found_version });
    }
    let len = u64::from_le_bytes(bytes[16..24].try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(bytes[24..28].try_into().expect("4 bytes"));
    let payload = &bytes[HEADER_LEN..];
    if payload.len() as u64 != len {
        return Err(ModelError::Truncated);
    }
    let actual = crc32fast::hash(payload);
    if actual != crc {
        return Err(ModelError::Checksum { expected: crc, found: actual });
    }
    Ok(payload)
}

#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i16(&mut self, v: i16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
}

#[derive(Clone)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.buf.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        &self.buf[self.pos..]
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().expect("2")))
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4")))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8")))
    }
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().expect("2")))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().expect("4")))
    }
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| ModelError::Corrupt("invalid UTF-8 string".into()))
    }
    /// A count that must fit in what is left (each item at least `min_item` bytes).
    pub fn count(&mut self, min_item: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.buf.len() - self.pos {
            return Err(ModelError::Truncated);
        }
        Ok(n)
    }
    pub fn done(&self) -> Result<(), ModelError> {
        if self.pos == self.buf.len() {
            Ok(())
        } else {
            Err(ModelError::Corrupt("trailing bytes after the payload".into()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_refusals() {
        let mut w = Writer::default();
        w.str("hello");
        w.u64(42);
        let file = wrap(*b"TEST", 3, &w.0);
        let p = unwrap(&file, *b"TEST", 3).unwrap();
        let mut r = Reader::new(p);
        assert_eq!(r.str().unwrap(), "hello");
        assert_eq!(r.u64().unwrap(), 42);
        r.done().unwrap();

        let mut bad = file.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(matches!(unwrap(&bad, *b"TEST", 3), Err(ModelError::Checksum { .. })));
        let mut bad = file.clone();
        bad[0] = b'X';
        assert!(matches!(unwrap(&bad, *b"TEST", 3), Err(ModelError::BadMagic)));
        assert!(matches!(unwrap(&file, *b"TEST", 4), Err(ModelError::Version { expected: 4, found: 3 })));
        assert!(matches!(unwrap(&file, *b"OTHR", 3), Err(ModelError::WrongKind { .. })));
        assert!(matches!(unwrap(&file[..file.len() - 1], *b"TEST", 3), Err(ModelError::Truncated)));
        assert!(matches!(unwrap(&[], *b"TEST", 3), Err(ModelError::BadMagic)));
    }
}
